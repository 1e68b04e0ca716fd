import type { Value } from '../model/block-version.js';

/** Rows in column order, read one at a time: an array, a generator or a database cursor. */
export type RowSource = Iterable<readonly Value[]> | AsyncIterable<readonly Value[]>;

/** What every export writer reads: the columns and rows of one data block version. */
export interface ExportInput {
  /** The data block's name: the table name in SQL and SQLite, the title in HTML and XML. */
  block: string;
  /** The version exported, `1.0`, `1.1` … */
  version: string;
  columns: readonly string[];
  /** Read once, in order; a row shorter than `columns` has nulls for the rest. */
  rows: RowSource;
}

/**
 * A piece of an export, in order: text (UTF-8 when written) or bytes. A
 * caller writes each to its sink (an HTTP response, stdout, a file) as it
 * comes, so a large block never sits whole in memory.
 */
export type ExportChunk = string | Uint8Array;
