import type { BlockStore, RowValues } from '@allot/core';
import { readBlock } from './read-block.js';

/** A page of a block version's rows. */
export interface BlockVersionRowsPage {
  block: string;
  version: string;
  columns: string[];
  rows: RowValues[];
  limit: number;
  offset: number;
  total: number;
}

/**
 * A page of a block version's rows in row order; `NOT_FOUND` when the block
 * or the version is missing. The stores keep recently read versions in
 * memory, so paging through a large version reads it once.
 */
export async function readBlockRows(
  store: BlockStore,
  workspace: string,
  ref: { block: string; version: string },
  page: { limit: number; offset: number },
): Promise<BlockVersionRowsPage> {
  const found = await readBlock(store, workspace, ref.block, ref.version);
  return {
    block: found.block,
    version: found.version,
    columns: found.columns,
    rows: found.rows.slice(page.offset, page.offset + page.limit),
    limit: page.limit,
    offset: page.offset,
    total: found.rows.length,
  };
}
