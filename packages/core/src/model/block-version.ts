/**
 * Data blocks: values, rows and the immutable versions that hold them.
 * Plain data only: every type here can be stored as JSON, but for the rows
 * of a new version given by column (a {@link ColumnTable}).
 */
import type { ColumnTable } from '../data-block/column-table.js';

/** A cell of a data block. CSV imports give strings; JSON imports may give numbers and booleans. */
export type Value = string | number | boolean | null;

/** A row in column order, as stored in a data block. */
export type RowValues = Value[];

/** A row as a test reads it: `{column: value}`. */
export type RowObject = Record<string, Value>;

/** A table of rows in column order. */
export interface Table {
  columns: string[];
  rows: RowValues[];
}

/** How a data block version came to be. */
export type BlockOrigin = 'import' | 'make';

/** Metadata of one immutable version of a data block. */
export interface BlockVersionMeta {
  block: string;
  /** `1.0`, `1.1`, … */
  version: string;
  columns: string[];
  /** The column whose values identify a row, when the import declared one. */
  keyColumn: string | null;
  /** Rows of this version, its parent's included. */
  rowCount: number;
  origin: BlockOrigin;
  /** A version made by a job appends rows to its parent; an import has none. */
  parent: string | null;
  /** Hash of the imported file, so an unchanged source is not imported twice. */
  sourceHash: string | null;
  /** The job whose makes created this version. */
  jobId: number | null;
  createdAt: string;
}

/** One version of a data block with all of its rows. */
export interface BlockVersion extends BlockVersionMeta {
  rows: RowValues[];
}

/** What an import or a make hands to the store to become a new version, its rows aside. */
export interface NewBlockVersionFields {
  block: string;
  columns: string[];
  keyColumn: string | null;
  origin: BlockOrigin;
  sourceHash?: string | null;
  jobId?: number | null;
}

/**
 * What an import or a make hands to the store to become a new version. For
 * `import`: every row; for `make`: only the rows appended to the parent.
 * The rows come as arrays (`rows`) or by column (`table`, built by a
 * `ColumnTableBuilder`): a large generated version is never held as an
 * array per row, and the embedded store writes its block file from the
 * columns as they are.
 */
export type NewBlockVersion = NewBlockVersionFields &
  ({ rows: RowValues[]; table?: undefined } | { table: ColumnTable; rows?: undefined });
