import type { ColumnTable } from '../data-block/column-table.js';
import type {
  BlockVersion,
  BlockVersionMeta,
  NewBlockVersion,
  RowValues,
} from '../model/block-version.js';
import type { ODataQuery } from '../querying/odata-query.js';

/** The data blocks slice of the {@link Store}: versions of rows, each immutable once added. */
export interface BlockStore {
  /** Adds a version to a data block (creating the block) and returns its metadata. */
  addBlockVersion(workspace: string, input: NewBlockVersion): Promise<BlockVersionMeta>;
  /** A version with all its rows; the latest when `version` is omitted. */
  getBlock(workspace: string, block: string, version?: string): Promise<BlockVersion | undefined>;
  /**
   * A version's rows by column, for the engine's scans; optional: a store
   * without it is scanned over {@link getBlock}'s rows.
   */
  getBlockTable?(
    workspace: string,
    block: string,
    version: string,
  ): Promise<ColumnTable | undefined>;
  /** Every version of a block, oldest first. */
  listBlockVersions(workspace: string, block: string): Promise<BlockVersionMeta[]>;
  /** The latest version of every block. */
  listBlocks(workspace: string): Promise<BlockVersionMeta[]>;
  /**
   * Optional: a page of a version's rows that a list query selects, and how
   * many it selects in all, with the answers of core's `runODataQuery`
   * (filter, order, `$skip`, `$top`) computed where the rows are. Undefined
   * when the store cannot run this query itself (the caller then reads the
   * version and runs it in memory) or the version does not exist.
   */
  queryBlockRows?(
    workspace: string,
    request: { block: string; version: string; columns: readonly string[]; query: ODataQuery },
  ): Promise<{ rows: RowValues[]; count: number } | undefined>;
}
