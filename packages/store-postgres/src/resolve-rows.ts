import { missingParentError, type RowValues } from '@allot/core';
import { readOwnRows } from './block-versions.js';
import type { StoredVersion } from './records.js';
import type { RowsCache } from '@allot/core';
import type { Queryable, SqlRunner } from './sql-runner.js';

/** Where a block version's rows are read from: its workspace and block's versions, and the cache. */
export interface RowsSource {
  sql: SqlRunner;
  cache: RowsCache;
  db: Queryable;
  workspace: string;
  /** Every version of the block, so a version's parent chain can be followed. */
  versions: StoredVersion[];
}

/**
 * The rows of a block version: its parent's rows, resolved the same way,
 * followed by its own. Each resolved version is cached, so a version whose
 * parent this process already resolved reads only its own rows.
 */
export async function resolveRows(
  source: RowsSource,
  version: StoredVersion,
): Promise<RowValues[]> {
  const { sql, cache, db, workspace, versions } = source;
  const cached = cache.get(workspace, version);
  if (cached !== undefined) return cached;
  let parentRows: RowValues[] = [];
  if (version.parent !== null) {
    const parent = versions.find((v) => v.version === version.parent);
    if (parent === undefined) {
      throw missingParentError(version);
    }
    parentRows = await resolveRows(source, parent);
  }
  const own = await readOwnRows(sql, db, workspace, version, version.rowCount - parentRows.length);
  const rows = parentRows.length === 0 ? own : parentRows.concat(own);
  cache.set(workspace, version, rows);
  return rows;
}
