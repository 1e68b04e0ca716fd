import {
  AllotError,
  DEFAULT_WORKSPACE,
  TABLE_FORMATS,
  writeTable,
  type BlockVersion,
  type RowObject,
  type TableFormat,
} from '@allot/core';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { withStore } from '../with-store.js';

interface ExportOptions {
  version?: string;
  format: TableFormat;
}

export function registerExport(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('write a data block to stdout')
    .argument('<block>')
    .option('--version <version>', 'the version to export; the latest by default')
    .addOption(
      new Option('--format <format>', 'output format').choices([...TABLE_FORMATS]).default('csv'),
    )
    .action(async (name: string, options: ExportOptions) => {
      const block = await withStore(cli.store(), (store) =>
        store.getBlock(DEFAULT_WORKSPACE, name, options.version),
      );
      if (block === undefined) {
        const which =
          options.version === undefined
            ? `data block "${name}"`
            : `version ${options.version} of data block "${name}"`;
        throw new AllotError('NOT_FOUND', `${which} does not exist`, { block: name });
      }
      cli.io.stdout.write(
        options.format === 'json'
          ? toJson(block)
          : writeTable(options.format, block.columns, block.rows),
      );
    });
}

function toJson(block: BlockVersion): string {
  const objects = block.rows.map((row) => {
    const object: RowObject = {};
    block.columns.forEach((column, index) => (object[column] = row[index] ?? null));
    return object;
  });
  return JSON.stringify(objects, null, 2) + '\n';
}
