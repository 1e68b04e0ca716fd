import { AllotError } from '../errors.js';
import type { Table } from '../model/block-version.js';

/**
 * Checks that a table can be keyed by a column: the column exists, and its
 * values are present and unique, since leases and results name rows by key.
 * Keys compare as strings, so `1` and `"1"` are the same key. Rows are
 * numbered from 1, data rows only.
 *
 * @param source - the file or block name, used to start every error message
 * @throws AllotError `UNKNOWN_COLUMN` when the column is missing;
 *   `INVALID_DATA` for an empty or repeated key
 */
export function checkKeyColumn(table: Table, keyColumn: string, source: string): void {
  const index = table.columns.indexOf(keyColumn);
  if (index === -1) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `${source}: key column "${keyColumn}" does not exist; the block has columns: ${table.columns.join(', ')}`,
      { source, column: keyColumn, columns: table.columns },
    );
  }
  const firstRowOf = new Map<string, number>();
  table.rows.forEach((row, rowIndex) => {
    const value = row[index];
    const rowNumber = rowIndex + 1;
    if (value === null || value === undefined || value === '') {
      throw invalid(source, `row ${rowNumber}: the key column "${keyColumn}" is empty`, {
        column: keyColumn,
        row: rowNumber,
      });
    }
    const key = String(value);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      throw invalid(
        source,
        `key "${key}" in column "${keyColumn}" appears in rows ${first} and ${rowNumber}; keys must be unique`,
        { column: keyColumn, key, rows: [first, rowNumber] },
      );
    }
    firstRowOf.set(key, rowNumber);
  });
}

function invalid(source: string, message: string, details: Record<string, unknown>): AllotError {
  return new AllotError('INVALID_DATA', `${source}: ${message}`, { source, ...details });
}
