import type { ExportFormat } from '@allot/core';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot export`. */
export interface ExportOptions {
  version?: string;
  format: ExportFormat;
  template?: 'or' | 'ca' | 'co' | 'ga' | 'wa';
  record?: string;
}

/**
 * The formats of `allot export`: core's `EXPORT_FORMAT_NAMES`, written out so
 * that `allot --help` does not load core (a test checks the two agree).
 */
export const EXPORT_FORMATS = [
  'csv',
  'json',
  'tsv',
  'pipe',
  'csv-seq',
  'tsv-seq',
  'html',
  'xml',
  'sql',
  'sqlite',
  'x12-834',
  'alight',
] as const satisfies readonly ExportFormat[];

/** The 834 templates `--template` takes. */
export const X12_TEMPLATES = ['or', 'ca', 'co', 'ga', 'wa'] as const;

export function registerExport(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('write a data block to stdout, in any export format')
    .argument('<block>')
    .option('--version <version>', 'the version to export; the latest by default')
    .addOption(
      new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('csv'),
    )
    .addOption(
      new Option('--template <template>', 'x12-834: the exchange (or = federal platform)').choices([
        ...X12_TEMPLATES,
      ]),
    )
    .option('--record <n>', 'x12-834: only row n (0-based); -1, the default, writes every row')
    .action(async (name: string, options: ExportOptions) => {
      const { exportAction } = await import('./export-action.js');
      await exportAction(cli, name, options);
    });
}
