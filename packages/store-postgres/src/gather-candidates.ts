import type { CandidateQuery } from '@allot/core';
import type pg from 'pg';
import { compileWhereSql } from './compile-where-sql.js';
import type { StoredVersion } from './records.js';
import type { SqlRunner } from './sql-runner.js';

/** Parameters the statement itself takes; the filter's start after them. */
const FIXED_PARAMS = 7;

/**
 * A version's rows the find selects and that are free for it, as positions
 * in the version's rows; undefined when the filter does not compile to SQL
 * or the version is unknown (the engine then filters in memory). Reads the
 * versions of the chain oldest first, one statement each, until the limit.
 */
export async function gatherCandidates(
  sql: SqlRunner,
  db: pg.Pool,
  input: { workspace: string; versions: readonly StoredVersion[]; query: CandidateQuery },
): Promise<number[] | undefined> {
  const { workspace, query } = input;
  const chain = chainOf(input.versions, query.version);
  if (chain === undefined) return undefined;
  const where = compileWhereSql(query.where, query.columns, FIXED_PARAMS + 1);
  if (where === undefined) return undefined;
  // A function, so `$'` and `$&` in the filter are not read as replacement patterns.
  const text = sql.text('gather-candidates').replace('/*where*/', () => where.sql);
  const positions: number[] = [];
  for (const { version, base } of chain) {
    const remaining = query.limit === undefined ? null : query.limit - positions.length;
    if (remaining !== null && remaining <= 0) break;
    const values = [
      workspace,
      query.block,
      version,
      query.keyIndex,
      query.now,
      query.readOnly,
      remaining,
      ...where.params,
    ];
    const result = await db.query<{ ordinal: number }>({ text, values });
    for (const row of result.rows) positions.push(base + row.ordinal);
  }
  return positions;
}

/** The version and its ancestors, oldest first, each with the position of its first own row. */
function chainOf(
  versions: readonly StoredVersion[],
  version: string,
): Array<{ version: string; base: number }> | undefined {
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const lineage: StoredVersion[] = [];
  for (let v = byVersion.get(version); v !== undefined;) {
    lineage.unshift(v);
    if (v.parent === null) break;
    const parent = byVersion.get(v.parent);
    if (parent === undefined) return undefined;
    v = parent;
  }
  if (lineage.length === 0) return undefined;
  let base = 0;
  return lineage.map((v) => {
    const entry = { version: v.version, base };
    base = v.rowCount;
    return entry;
  });
}
