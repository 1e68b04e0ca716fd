import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot import`. */
export interface ImportOptions {
  block: string;
  key?: string;
  format?: 'csv' | 'json';
}

export function registerImport(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('import a CSV or JSON file as a new version of a data block')
    .argument('<file>')
    .requiredOption('--block <name>', 'the data block to add a version to')
    .option('--key <column>', 'a column whose values identify rows (checked unique)')
    .addOption(
      new Option('--format <format>', 'the file format; by default its extension').choices([
        'csv',
        'json',
      ]),
    )
    .action(async (file: string, options: ImportOptions) => {
      const { importAction } = await import('./import-action.js');
      await importAction(cli, file, options);
    });
}
