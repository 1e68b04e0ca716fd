import type { NewBlockVersion, RowValues } from '../model/block-version.js';

/** How many rows a new version hands over (a made version: the rows it appends). */
export function newRowCount(input: NewBlockVersion): number {
  return input.table === undefined ? input.rows.length : input.table.rowCount;
}

/**
 * Rows `start` to `end` (exclusive) of a new version as arrays: its own
 * when given so, else built from its table, only these.
 */
export function newRows(input: NewBlockVersion, start = 0, end = newRowCount(input)): RowValues[] {
  if (input.table === undefined)
    return start === 0 && end >= input.rows.length ? input.rows : input.rows.slice(start, end);
  const { table } = input;
  const last = Math.min(end, table.rowCount);
  const rows = new Array<RowValues>(Math.max(0, last - start));
  for (let row = start; row < last; row++) rows[row - start] = table.row(row);
  return rows;
}
