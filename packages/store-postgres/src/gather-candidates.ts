import type { CandidateQuery, RowValues } from '@allot/core';
import type pg from 'pg';
import { chainOf, storesKeyAt } from './block-versions.js';
import { toPositional } from './named-parameters.js';
import { compileWhereSql, type CellSql, type WhereSqlContext } from './compile-where-sql.js';
import { keyNarrowing, prefixPattern, type KeyNarrowing } from './key-narrowing.js';
import type { StoredVersion } from './records.js';
import type { SqlRunner } from './sql-runner.js';

/** Rows the first slice reads; each next one reads twice as many, for the finds still short. */
const FIRST_CHUNK = 8_192;

/** Statements that read one slice at most, side by side on the pool's connections. */
const MAX_PARTS = 4;

/** Where a batch reads: one block version, one key column, one instant. */
export interface BatchTarget {
  workspace: string;
  /** Every version of the block, oldest first. */
  versions: readonly StoredVersion[];
  block: string;
  version: string;
  keyIndex: number;
  now: Date;
  /** Rows the first slice reads, and the fewest a statement reads; default {@link FIRST_CHUNK}. */
  firstChunk?: number;
}

/** A find of the batch, with the rows found for it so far. */
interface Pending {
  query: CandidateQuery;
  found: RowValues[];
  /** The keys its filter allows, when it names them: its rows come through the key index. */
  narrowing: KeyNarrowing | undefined;
}

/**
 * A row of a statement's answer: the finds it is free for, then its values
 * (an array), or its key and the asked cells' values in the order of
 * {@link Layout.cells} when the finds asked for some cells only.
 */
type FoundRow = [finds: number[], ...rest: unknown[]];

/** What a statement returns of each row: every value, or the key and these cells. */
interface Layout {
  cells: readonly number[] | undefined;
  width: number;
  keyIndex: number;
}

/**
 * The rows each find of a batch selects and that are free for it, in row
 * order; undefined
 * for a find whose filter does not compile to SQL, and for every find when
 * the version is unknown (the engine then filters in memory). All the finds
 * share each statement: one scan evaluates every filter. The version's
 * chain is read oldest first in growing slices, each slice only for the
 * finds still short of their limit, so finds with common rows stop early;
 * a large slice is read in parts side by side. When every find names the
 * cells it needs, each row comes with its key and those cells only, the
 * others left out: most candidates are never allocated, and their values
 * are most of what a statement would return.
 */
export async function gatherBatch(
  sql: SqlRunner,
  db: pg.Pool,
  target: BatchTarget,
  queries: readonly CandidateQuery[],
): Promise<Array<RowValues[] | undefined>> {
  const answers: Array<RowValues[] | undefined> = queries.map(() => undefined);
  const chain = chainOf(target.versions, target.version);
  if (chain === undefined) return answers;
  let pending: Pending[] = [];
  queries.forEach((query, index) => {
    if (compileWhereSql(query.where, query.columns, PROBE) === undefined) return;
    const found: RowValues[] = [];
    answers[index] = found;
    const narrowing = keyNarrowing(query.where, query.columns, target.keyIndex);
    if (query.limit === undefined || query.limit > 0) pending.push({ query, found, narrowing });
  });
  const first = target.firstChunk ?? FIRST_CHUNK;
  for (const { stored, own } of chain) {
    const link = {
      ...target,
      version: stored.version,
      keyIsColumn: storesKeyAt(stored, target.keyIndex),
    };
    // A find narrowed to a few keys or a key prefix reads its rows through the key index,
    // however rare they are, instead of reading on through every slice.
    const keyed = link.keyIsColumn
      ? pending.filter(({ narrowing }) => narrowing !== undefined)
      : [];
    let sliced = pending.filter((entry) => !keyed.includes(entry));
    const all = { ...link, from: 0, to: own, lineage: stored.lineage };
    const read = await Promise.all(
      keyed.map(async (entry) => {
        const layout = layoutOf(target, [entry]);
        const statement = statementOf(sql, { ...all, narrowing: entry.narrowing }, [entry], layout);
        return { rows: await readPart(db, statement), asked: [entry], layout };
      }),
    );
    for (const { rows, asked, layout } of read) collect(rows, asked, layout);
    for (let from = 0, size = first; from < own && sliced.length > 0; from += size, size *= 2) {
      const parts = partsOf(from, Math.min(own, from + size), first);
      const layout = layoutOf(target, sliced);
      const asked = sliced;
      const rows = await Promise.all(
        parts.map((part) =>
          readPart(
            db,
            statementOf(sql, { ...link, ...part, lineage: stored.lineage }, asked, layout),
          ),
        ),
      );
      for (const part of rows) collect(part, asked, layout);
      sliced = sliced.filter((entry) => !isFull(entry.query, entry.found));
    }
    pending = pending.filter((entry) => !isFull(entry.query, entry.found));
  }
  return answers;
}

/** Gives the rows a statement found to the finds it was asked for, by place in `asked`. */
function collect(rows: readonly FoundRow[], asked: readonly Pending[], layout: Layout): void {
  for (const row of rows) {
    const values = valuesOf(row, layout);
    for (const k of row[0]) take(asked[k] as Pending, values);
  }
}

/**
 * A slice cut into parts of at least `least` rows, at most {@link MAX_PARTS}
 * of them. PostgreSQL evaluates a statement's filters in one process (its
 * parallel workers only scan), so the parts, read side by side, use more
 * cores; they are taken in order, so the rows each find gets do not change.
 */
function partsOf(from: number, to: number, least: number): Array<{ from: number; to: number }> {
  const count = Math.max(1, Math.min(MAX_PARTS, Math.floor((to - from) / least)));
  const size = Math.ceil((to - from) / count);
  const parts: Array<{ from: number; to: number }> = [];
  for (let start = from; start < to; start += size)
    parts.push({ from: start, to: Math.min(to, start + size) });
  return parts;
}

/** The cells every pending find needs, or undefined (every cell) when one of them asks for all. */
function layoutOf(target: BatchTarget, pending: readonly Pending[]): Layout {
  const width = pending[0]?.query.columns.length ?? 0;
  const wanted = new Set<number>();
  for (const { query } of pending) {
    if (query.cells === undefined) return { cells: undefined, width, keyIndex: target.keyIndex };
    for (const cell of query.cells) wanted.add(integer(cell));
  }
  return { cells: [...wanted], width, keyIndex: target.keyIndex };
}

/**
 * A found row's values: as returned, or built from its key and asked cells,
 * the other cells left out. A row whose key is null comes whole.
 */
function valuesOf(row: FoundRow, layout: Layout): RowValues {
  const first = row[1];
  if (layout.cells === undefined || Array.isArray(first)) return first as RowValues;
  // Holes, not nulls: the engine tells a cell left out from a null one.
  const values = new Array(layout.width) as RowValues;
  values[layout.keyIndex] = first as string;
  layout.cells.forEach((cell, i) => (values[cell] = row[i + 2] as RowValues[number]));
  return values;
}

/** Runs a part's statement: the rows it found, parsed from the one JSON text it returns. */
async function readPart(db: pg.Pool, statement: pg.QueryConfig): Promise<FoundRow[]> {
  const result = await db.query<{ found: string }>(statement);
  return JSON.parse(result.rows[0]?.found ?? '[]') as FoundRow[];
}

/** Adds a row to a find's answer, unless the find already has its limit. */
function take(entry: Pending, values: RowValues): void {
  if (!isFull(entry.query, entry.found)) entry.found.push(values);
}

function isFull(query: CandidateQuery, found: RowValues[]): boolean {
  return query.limit !== undefined && found.length >= query.limit;
}

/** Compiles a filter without keeping it: whether SQL can evaluate it. */
const PROBE: WhereSqlContext = {
  bind: (_value, type) => `NULL::${type}`,
  cell: () => ({ text: 'NULL::text', type: 'NULL::text', number: 'NULL::float8' }),
};

/**
 * A part of a slice of one version's own rows; `keyIsColumn` when its rows'
 * `key` is the find's key cell; with a narrowing, only the rows of its keys,
 * read through the key index of the version's `lineage`.
 */
interface Part extends BatchTarget {
  from: number;
  to: number;
  keyIsColumn: boolean;
  lineage: string;
  narrowing?: KeyNarrowing | undefined;
}

/** Pending finds with one filter: all of them, and those that are read-only, by place in `pending`. */
interface FilterGroup {
  where: CandidateQuery['where'];
  columns: readonly string[];
  all: number[];
  readOnly: number[];
}

/** Groups the pending finds by filter, so a filter several finds share is evaluated once per row. */
function sameFilter(pending: readonly Pending[]): Iterable<FilterGroup> {
  const groups = new Map<string, FilterGroup>();
  pending.forEach(({ query }, k) => {
    const key = JSON.stringify(query.where ?? null);
    let group = groups.get(key);
    if (group === undefined) {
      group = { where: query.where, columns: query.columns, all: [], readOnly: [] };
      groups.set(key, group);
    }
    group.all.push(k);
    if (query.readOnly) group.readOnly.push(k);
  });
  return groups.values();
}

/**
 * The finds of a group that a row their filter selects is free for, as SQL
 * text (`'0,3'`): all of them when no lease holds the row, the read-only
 * ones when only shared leases do (rows held otherwise never get here).
 */
function findsFree(group: FilterGroup): string {
  const list = (finds: number[]) => (finds.length === 0 ? 'NULL' : `'${finds.join(',')}'`);
  if (group.readOnly.length === group.all.length) return list(group.all);
  return `CASE WHEN c.held = 0 THEN ${list(group.all)} ELSE ${list(group.readOnly)} END`;
}

/** The statement of a part of a slice over the pending finds: each is named by its place in `pending`. */
function statementOf(
  sql: SqlRunner,
  part: Part,
  pending: readonly Pending[],
  layout: Layout,
): pg.QueryConfig {
  const values: Record<string, unknown> = {
    workspace: part.workspace,
    block: part.block,
    version: part.version,
    from_ordinal: part.from,
    to_ordinal: part.to,
    now: part.now,
  };
  let filterValues = 0;
  const cells = new Map<string, string>();
  const context: WhereSqlContext = {
    bind: (value, type) => {
      const name = `filter_${++filterValues}`;
      values[name] = value;
      return `:${name}::${type}`;
    },
    cell: (index) => extractedCell(integer(index), cells),
  };
  const finds = [...sameFilter(pending)].map((group) => {
    const where = compileWhereSql(group.where, group.columns, context) as string;
    return `CASE WHEN ${where} THEN ${findsFree(group)} END`;
  });
  const key = part.keyIsColumn ? 'r.key' : `r.cells[${integer(part.keyIndex) + 1}]`;
  const extracted = [...cells].map(([name, sql]) => `${sql} AS ${name}`);
  // Functions, so `$'` and `$&` in the generated text are not read as replacement patterns.
  const text = sql
    .text('gather-candidates')
    .replace('/*finds*/', () => finds.join(',\n'))
    .replace('/*extracted*/', () => (extracted.length === 0 ? '' : `${extracted.join(', ')},`))
    .replace('/*row*/', () => rowSql(layout))
    .replace('/*narrow*/', () => narrowSql(part, values))
    .replaceAll('/*key*/', () => key);
  return toPositional(text, values, { keep: false });
}

/** The condition that reads only a narrowing's rows through the key index, its values bound in `values`. */
function narrowSql(part: Part, values: Record<string, unknown>): string {
  const { narrowing } = part;
  if (narrowing === undefined) return '';
  values.lineage = part.lineage;
  if ('keys' in narrowing) {
    values.narrow_keys = narrowing.keys;
    return 'AND r.lineage = :lineage AND r.key = ANY(:narrow_keys::text[])';
  }
  values.narrow_pattern = prefixPattern(narrowing.prefix);
  return `AND r.lineage = :lineage AND r.key LIKE :narrow_pattern::text ESCAPE '\\'`;
}

/**
 * What the statement returns of a row after its finds: its values as JSON,
 * or its key as a JSON string and each asked cell as JSON (a missing cell
 * of a short row reads null, which sorts as the engine's missing cell
 * does), the whole row when the key is null (no key to read it by).
 */
function rowSql(layout: Layout): string {
  const whole = 'row_json(s.cells, s.kinds)';
  if (layout.cells === undefined) return whole;
  const cells = layout.cells.map((index) => {
    const text = `s.cells[${index + 1}]`;
    const kind = `substr(s.kinds, ${index + 1}, 1)`;
    return `coalesce(CASE WHEN s.kinds IS NULL OR ${kind} = 's' THEN to_json(${text})::text WHEN ${kind} IN ('n', 'b') THEN ${text} END, 'null')`;
  });
  const keyed = ['to_json(s.row_key)::text', ...cells].join(` || ',' || `);
  return `CASE WHEN s.row_key IS NULL THEN ${whole} ELSE ${keyed} END`;
}

/** A plain decimal, cast directly: anything else goes through `find_number`. */
const PLAIN_DECIMAL = `'^-?[0-9]+(\\.[0-9]+)?$'`;

/**
 * The first character of any string `toNumber` reads (`+`, `-`, `.`, a
 * digit) has a code from 43 to 57: the cheap test that spares most words a
 * pattern match and a call of `find_number`.
 */
const MAY_BE_NUMBER = (text: string) => `ascii(${text}) BETWEEN 43 AND 57`;

/**
 * A cell read from the level below the filters, where each part a filter
 * uses is extracted once per row: the text (`c<i>`, an array subscript),
 * the type (`k<i>`, from `kinds`: a string when the row has none) and the
 * number (`n<i>`: a number cell and a plain decimal string are cast
 * directly, any other string goes through `find_number`, which reads it as
 * `toNumber` does; booleans and nulls are none).
 */
export function extractedCell(index: number, cells: Map<string, string>): CellSql {
  const text = `r.cells[${index + 1}]`;
  const kind = `substr(r.kinds, ${index + 1}, 1)`;
  const use = (name: string, sql: string) => {
    cells.set(name, sql);
    return `c.${name}`;
  };
  return {
    get text() {
      return use(`c${index}`, text);
    },
    get type() {
      return use(
        `k${index}`,
        `CASE WHEN r.kinds IS NULL THEN 'string' ELSE CASE ${kind} WHEN 's' THEN 'string' WHEN 'n' THEN 'number' WHEN 'b' THEN 'boolean' WHEN 'z' THEN 'null' END END`,
      );
    },
    get number() {
      const decimal = `CASE WHEN length(${text}) <= 250 AND ${text} ~ ${PLAIN_DECIMAL} THEN ${text}::float8 ELSE find_number(${text}) END`;
      const string = `CASE WHEN ${MAY_BE_NUMBER(text)} THEN ${decimal} END`;
      return use(
        `n${index}`,
        `CASE WHEN r.kinds IS NULL OR ${kind} = 's' THEN ${string} WHEN ${kind} = 'n' THEN ${text}::float8 END`,
      );
    },
  };
}

function integer(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a column index: ${value}`);
  return value;
}
