import { readFile } from 'node:fs/promises';
import { AllotError, DEFAULT_WORKSPACE, importBlock } from '@allot/core';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { formatCount } from '../format-table.js';
import { withStore } from '../with-store.js';

interface ImportOptions {
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
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new AllotError('NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`, {
          file,
        });
      });
      const { meta } = await withStore(cli.store(), (store) =>
        importBlock(store, {
          workspace: DEFAULT_WORKSPACE,
          block: options.block,
          text,
          source: file,
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(options.key === undefined ? {} : { keyColumn: options.key }),
        }),
      );
      cli.io.stdout.write(
        `${meta.block}@${meta.version}: ${formatCount(meta.rowCount)} rows, columns: ${meta.columns.join(', ')}\n`,
      );
    });
}
