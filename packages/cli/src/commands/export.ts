import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot export`. */
export interface ExportOptions {
  version?: string;
  format: 'csv' | 'json';
}

export function registerExport(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('write a data block to stdout')
    .argument('<block>')
    .option('--version <version>', 'the version to export; the latest by default')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'),
    )
    .action(async (name: string, options: ExportOptions) => {
      const { exportAction } = await import('./export-action.js');
      await exportAction(cli, name, options);
    });
}
