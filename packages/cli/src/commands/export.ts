import type { TableFormat } from '@allot/core';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot export`. */
export interface ExportOptions {
  version?: string;
  format: TableFormat;
}

/**
 * The formats of `allot export`: core's `TABLE_FORMATS`, written out so that
 * `allot --help` does not load core (a test checks the two agree).
 */
export const EXPORT_FORMATS = [
  'csv',
  'json',
  'tsv',
  'pipe',
] as const satisfies readonly TableFormat[];
export function registerExport(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('write a data block to stdout')
    .argument('<block>')
    .option('--version <version>', 'the version to export; the latest by default')
    .addOption(
      new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('csv'),
    )
    .action(async (name: string, options: ExportOptions) => {
      const { exportAction } = await import('./export-action.js');
      await exportAction(cli, name, options);
    });
}
