import { duplicateKeyError, firstRepeatedKey, type RowValues } from '@allot/core';
import { listVersions, type CheckMadeKeys } from './block-versions.js';
import type { StoredVersion } from './records.js';
import { resolveRows } from './resolve-rows.js';
import type { RowsCache } from '@allot/core';
import type { Queryable, SqlRunner } from './sql-runner.js';

/**
 * The check that a made version of a workspace's block repeats no key of
 * the rows it joins: named here as DUPLICATE_KEY, and backed by the unique
 * index whatever replica writes.
 */
export function checkMadeKeys(sql: SqlRunner, cache: RowsCache, workspace: string): CheckMadeKeys {
  return async (
    db: Queryable,
    version: StoredVersion,
    parent: StoredVersion,
    rows: RowValues[],
  ): Promise<void> => {
    if (version.keyColumn === null) return;
    const index = version.columns.indexOf(version.keyColumn);
    if (index < 0) return;
    const keyColumn = version.keyColumn;
    const repeated = (key: string) => duplicateKeyError(version.block, keyColumn, key);
    const keys = rows.map((row) => String(row[index]));
    const seen = new Set<string>();
    const inRows = firstRepeatedKey(keys, seen);
    if (inRows !== undefined) throw repeated(inRows);
    if (parent.keyColumn === null) {
      // The parent's rows were stored without keys: compare with them here.
      const versions = await listVersions(sql, db, workspace, version.block);
      const parentRows = await resolveRows({ sql, cache, db, workspace, versions }, parent);
      const known = parentRows.map((row) => String(row[index])).find((key) => seen.has(key));
      if (known !== undefined) throw repeated(known);
      return;
    }
    const result = await sql.run<{ key: string }>(db, 'find-existing-keys', {
      workspace,
      block: version.block,
      lineage: version.lineage,
      keys,
    });
    const existing = result.rows[0];
    if (existing !== undefined) throw repeated(existing.key);
  };
}
