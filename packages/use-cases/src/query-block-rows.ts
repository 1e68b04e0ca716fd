import {
  parseODataQuery,
  runODataQuery,
  type BlockStore,
  type ODataParams,
  type ODataQuery,
  type Value,
} from '@allot/core';
import { readBlock } from './read-block.js';
import { readBlockVersion } from './read-block-version.js';

/** A page of a block version's rows, as objects of the selected columns. */
export interface BlockRowsPage {
  block: string;
  version: string;
  columns: string[];
  rows: Array<Record<string, Value>>;
  /** Rows the filter selects, all pages together. */
  count: number;
  query: ODataQuery;
}

/**
 * The rows of a data block version (its latest unless `version` is given)
 * that an OData query selects: run by the store where the rows are when it
 * can (SQL on PostgreSQL), else in memory, with the same answers.
 *
 * @throws AllotError `NOT_FOUND` for an unknown block or version; `INVALID_INPUT` naming the query option at fault
 */
export async function queryBlockRows(
  store: BlockStore,
  workspace: string,
  request: { block: string; version?: string; params: ODataParams },
): Promise<BlockRowsPage> {
  const meta = await readBlockVersion(store, workspace, request.block, request.version);
  const query = parseODataQuery(request.params, meta.columns);
  const target = { block: meta.block, version: meta.version, columns: meta.columns, query };
  const ran =
    (await store.queryBlockRows?.(workspace, target)) ?? (await inMemory(store, workspace, target));
  const shown = query.select ?? meta.columns;
  const indexes = shown.map((column) => meta.columns.indexOf(column));
  return {
    block: meta.block,
    version: meta.version,
    columns: shown,
    rows: ran.rows.map((row) =>
      Object.fromEntries(shown.map((column, i) => [column, row[indexes[i] as number] ?? null])),
    ),
    count: ran.count,
    query,
  };
}

async function inMemory(
  store: BlockStore,
  workspace: string,
  target: { block: string; version: string; columns: string[]; query: ODataQuery },
) {
  // A store that keeps rows by column builds only the rows the query reads, not the whole version.
  const table = await store.getBlockTable?.(workspace, target.block, target.version);
  if (table !== undefined) {
    const indexes = Array.from({ length: table.rowCount }, (_, i) => i);
    const page = runODataQuery(indexes, target.columns, (i) => table.row(i), target.query);
    return { rows: page.items.map((i) => table.row(i)), count: page.count };
  }
  const block = await readBlock(store, workspace, target.block, target.version);
  const page = runODataQuery(block.rows, target.columns, (row) => row, target.query);
  return { rows: page.items, count: page.count };
}
