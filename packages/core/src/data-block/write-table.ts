import type { Value } from '../model/block-version.js';
import { delimitedRecord } from './delimited-record.js';

/** The text formats a data block is written in. */
export type TableFormat = 'csv' | 'json' | 'tsv' | 'pipe';

/** Every {@link TableFormat}, in the order help texts list them. */
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'json', 'tsv', 'pipe'];

/**
 * The delimited formats. A format added here is written by the same code,
 * so it gets `formulaSafeCell` and the quoting with no further work.
 */
const DELIMITERS: Record<Exclude<TableFormat, 'json'>, string> = { csv: ',', tsv: '\t', pipe: '|' };

/**
 * A table as text: JSON, an array of row objects with the values as stored;
 * or delimited records ended by CRLF, a header first, every cell through
 * `formulaSafeCell` ({@link delimitedRecord}), quoted as RFC 4180 does when it holds the
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
  return (
    delimitedRecord(columns, delimiter) +
    rows.map((row) => delimitedRecord(row, delimiter)).join('')
  );
}
