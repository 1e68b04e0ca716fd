import type { Value } from '../model/block-version.js';
import { formulaSafeCell } from './formula-safe-cell.js';

/** The text formats a data block is written in. */
export type TableFormat = 'csv' | 'json' | 'tsv' | 'pipe';

/** Every {@link TableFormat}, in the order help texts list them. */
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'json', 'tsv', 'pipe'];

/**
 * The delimited formats. A format added here is written by the same code,
 * so it gets {@link formulaSafeCell} and the quoting with no further work.
 */
const DELIMITERS: Record<Exclude<TableFormat, 'json'>, string> = { csv: ',', tsv: '\t', pipe: '|' };

/**
 * A table as text: JSON, an array of row objects with the values as stored;
 * or delimited records ended by CRLF, a header first, every cell through
 * {@link formulaSafeCell}, quoted as RFC 4180 does when it holds the
 * delimiter, a quote or a line break. `null` is an empty cell.
 */
export function writeTable(
  format: TableFormat,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): string {
  if (format === 'json') {
    return JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))),
    );
  }
  const delimiter = DELIMITERS[format];
  const cell = (value: Value) =>
    quote(formulaSafeCell(value === null ? '' : String(value)), delimiter);
  const record = (values: readonly Value[]) => values.map(cell).join(delimiter) + '\r\n';
  return record(columns) + rows.map(record).join('');
}

function quote(text: string, delimiter: string): string {
  const needs =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}
