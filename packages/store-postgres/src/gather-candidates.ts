import type { CandidateQuery } from '@allot/core';
import type pg from 'pg';
import { compileWhereSql, type CellSql, type WhereSqlContext } from './compile-where-sql.js';
import type { StoredVersion } from './records.js';
import type { SqlRunner } from './sql-runner.js';

/** Rows the first statement reads; each next one reads twice as many, for the finds still short. */
const FIRST_CHUNK = 65_536;

/** Where a batch reads: one block version, one key column, one instant. */
export interface BatchTarget {
  workspace: string;
  /** Every version of the block, oldest first. */
  versions: readonly StoredVersion[];
  block: string;
  version: string;
  keyIndex: number;
  now: Date;
  /** Rows the first statement reads; default {@link FIRST_CHUNK}. */
  firstChunk?: number;
}

/** A find of the batch, with the rows found for it so far. */
interface Pending {
  query: CandidateQuery;
  positions: number[];
}

/**
 * The rows each find of a batch selects and that are free for it, as
 * positions in the version's rows, ascending; undefined for a find whose
 * filter does not compile to SQL, and for every find when the version is
 * unknown (the engine then filters in memory). All the finds share each
 * statement: one scan evaluates every filter. The version's chain is read
 * oldest first in growing slices, each slice only for the finds still
 * short of their limit, so finds with common rows stop early.
 */
export async function gatherBatch(
  sql: SqlRunner,
  db: pg.Pool,
  target: BatchTarget,
  queries: readonly CandidateQuery[],
): Promise<Array<number[] | undefined>> {
  const found: Array<number[] | undefined> = queries.map(() => undefined);
  const chain = chainOf(target.versions, target.version);
  if (chain === undefined) return found;
  let pending: Pending[] = [];
  queries.forEach((query, index) => {
    if (compileWhereSql(query.where, query.columns, PROBE) === undefined) return;
    const positions: number[] = [];
    found[index] = positions;
    if (query.limit === undefined || query.limit > 0) pending.push({ query, positions });
  });
  for (const { version, base, own, keyColumn } of chain) {
    let size = target.firstChunk ?? FIRST_CHUNK;
    for (let from = 0; from < own && pending.length > 0;) {
      const to = Math.min(own, from + size);
      const statement = statementOf(sql, { ...target, version, from, to, keyColumn }, pending);
      const result = await db.query<{ ordinal: number; finds: number[] }>(statement);
      for (const row of result.rows) {
        for (const k of row.finds) {
          const entry = pending[k] as Pending;
          const { limit } = entry.query;
          if (limit === undefined || entry.positions.length < limit)
            entry.positions.push(base + row.ordinal);
        }
      }
      pending = pending.filter(
        (p) => p.query.limit === undefined || p.positions.length < p.query.limit,
      );
      from = to;
      size *= 2;
    }
  }
  return found;
}

/** Compiles a filter without keeping it: whether SQL can evaluate it. */
const PROBE: WhereSqlContext = {
  bind: (_value, type) => `NULL::${type}`,
  cell: () => ({ text: 'NULL::text', type: 'NULL::text', number: 'NULL::float8' }),
};

/** One slice's statement over the pending finds: each is named by its place in `pending`. */
function statementOf(
  sql: SqlRunner,
  slice: BatchTarget & { from: number; to: number; keyColumn: string | null },
  pending: readonly Pending[],
): pg.QueryConfig {
  // $1 to $6; the filters' values follow.
  const values: unknown[] = [
    slice.workspace,
    slice.block,
    slice.version,
    slice.from,
    slice.to,
    slice.now,
  ];
  const cells = new Map<string, string>();
  const context: WhereSqlContext = {
    bind: (value, type) => {
      values.push(value);
      return `$${values.length}::${type}`;
    },
    cell: (index) => extractedCell(integer(index), cells),
  };
  const finds = pending.map(({ query }, k) => {
    const where = compileWhereSql(query.where, query.columns, context) as string;
    const free = query.readOnly ? '' : 'c.held = 0 AND ';
    return `CASE WHEN ${free}${where} THEN ${k} END`;
  });
  const columns = pending[0]?.query.columns ?? [];
  const keyIndex = integer(slice.keyIndex);
  const key =
    slice.keyColumn !== null && columns[keyIndex] === slice.keyColumn
      ? 'r.key'
      : `(r."values" ->> ${keyIndex})`;
  const extracted = [...cells].map(([name, sql]) => `${sql} AS ${name}`);
  // Functions, so `$'` and `$&` in the generated text are not read as replacement patterns.
  const text = sql
    .text('gather-candidates')
    .replace('/*finds*/', () => finds.join(',\n'))
    .replace('/*cells*/', () => (extracted.length === 0 ? '' : `${extracted.join(', ')},`))
    .replaceAll('/*key*/', () => key);
  return { text, values };
}

/**
 * A cell read from the level below the filters, where each part a filter
 * uses is extracted once per row: the text (`c<i>`), the JSON type (`k<i>`),
 * the number (`n<i>`; a plain decimal is cast directly, anything else goes
 * through `find_number`, which reads it as `toNumber` does).
 */
function extractedCell(index: number, cells: Map<string, string>): CellSql {
  const text = `(r."values" ->> ${index})`;
  const json = `(r."values" -> ${index})`;
  const use = (name: string, sql: string) => {
    cells.set(name, sql);
    return `c.${name}`;
  };
  return {
    get text() {
      return use(`c${index}`, text);
    },
    get type() {
      return use(`k${index}`, `json_typeof${json}`);
    },
    get number() {
      return use(
        `n${index}`,
        `CASE WHEN length(${text}) <= 250 AND ${text} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN ${text}::float8 ELSE find_number${json} END`,
      );
    },
  };
}

function integer(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a column index: ${value}`);
  return value;
}

/** A version of the chain: the position of its first own row, its own row count, its key column. */
interface ChainLink {
  version: string;
  base: number;
  own: number;
  keyColumn: string | null;
}

/** The version and its ancestors, oldest first. */
function chainOf(versions: readonly StoredVersion[], version: string): ChainLink[] | undefined {
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
    const link = { version: v.version, base, own: v.rowCount - base, keyColumn: v.keyColumn };
    base = v.rowCount;
    return link;
  });
}
