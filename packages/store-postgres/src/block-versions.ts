import {
  AllotError,
  newRowCount,
  newRows,
  nextVersionMeta,
  type NewBlockVersion,
  type RowValues,
  type Value,
} from '@allot/core';
import { versionOf, type StoredVersion, type VersionRow } from './records.js';
import type { Queryable, SqlRunner } from './sql-runner.js';

/** Rows per statement when writing or reading a block: a few MiB of JSON each. */
const CHUNK_ROWS = 20_000;

/** Every version of a block, oldest first. */
export async function listVersions(
  sql: SqlRunner,
  db: Queryable,
  workspace: string,
  block: string,
): Promise<StoredVersion[]> {
  const result = await sql.run<VersionRow>(db, 'list-block-versions', { workspace, block });
  return result.rows.map(versionOf);
}

/** Checks a made version's rows before they are written; the unique index on keys backs it. */
export type CheckMadeKeys = (
  db: Queryable,
  version: StoredVersion,
  parent: StoredVersion,
  rows: RowValues[],
) => Promise<void>;

/**
 * Adds a version to a block inside the caller's transaction: numbers it under
 * the block's row lock, then writes its metadata and its own rows (a made
 * version only the rows it appends to its parent).
 */
export async function writeVersion(
  sql: SqlRunner,
  client: Queryable,
  context: { workspace: string; now: Date; checkMadeKeys: CheckMadeKeys },
  input: NewBlockVersion,
): Promise<StoredVersion> {
  const { workspace, now } = context;
  const seq =
    (await sql.run<{ seq: number }>(client, 'next-block-seq', { workspace, block: input.block }))
      .rows[0]?.seq ?? 1;
  const latest = (await listVersions(sql, client, workspace, input.block)).at(-1);
  const parent = input.origin === 'make' ? (latest ?? null) : null;
  const meta = nextVersionMeta(input, latest, now);
  // Versions of one import share a lineage: the import's own version.
  const stored: StoredVersion = { ...meta, lineage: parent?.lineage ?? meta.version };
  if (parent !== null) await context.checkMadeKeys(client, stored, parent, newRows(input));
  await sql.run(client, 'insert-block-version', {
    workspace,
    block: stored.block,
    version: stored.version,
    seq,
    columns: JSON.stringify(stored.columns),
    key_column: stored.keyColumn,
    row_count: stored.rowCount,
    origin: stored.origin,
    parent: stored.parent,
    lineage: stored.lineage,
    source_hash: stored.sourceHash,
    job_id: stored.jobId,
    created_at: now,
  });
  const keyIndex = stored.keyColumn === null ? -1 : stored.columns.indexOf(stored.keyColumn);
  // A version given by column becomes arrays a chunk at a time: memory stays one chunk's rows.
  const count = newRowCount(input);
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    const chunk = newRows(input, start, start + CHUNK_ROWS);
    // Checked before the chunk's insert; a refusal rolls back the chunks before it.
    assertStorable(input, chunk, start);
    await sql.run(client, 'insert-block-rows', {
      workspace,
      block: stored.block,
      version: stored.version,
      lineage: stored.lineage,
      first_ordinal: start,
      key_index: keyIndex < 0 ? null : keyIndex,
      rows: JSON.stringify(chunk),
      kinds: chunk.map(kindsOf),
    });
  }
  return stored;
}

/**
 * PostgreSQL's text cannot hold U+0000: a cell with one is refused with its
 * row and column (rows counted from `first`), rather than failing the insert.
 */
function assertStorable(input: NewBlockVersion, rows: readonly RowValues[], first: number): void {
  rows.forEach((row, at) => {
    const index = first + at;
    const column = row.findIndex((cell) => typeof cell === 'string' && cell.includes('\u0000'));
    if (column < 0) return;
    throw new AllotError(
      'INVALID_DATA',
      `row ${index + 1} of data block "${input.block}" has a NUL character (U+0000) in column "${input.columns[column] ?? column}"; PostgreSQL cannot store it`,
    );
  });
}

/**
 * A row's `kinds` (migrations/0003_cells.sql): null when every cell is a
 * string, else one character per cell. A number JSON cannot write (NaN,
 * Infinity) is stored as JSON writes it: null.
 */
function kindsOf(row: RowValues): string | null {
  let strings = true;
  for (let i = 0; i < row.length && strings; i++) strings = typeof row[i] === 'string';
  if (strings) return null;
  let kinds = '';
  for (let i = 0; i < row.length; i++) kinds += kindOf(row[i]);
  return kinds;
}

function kindOf(cell: Value | undefined): string {
  if (typeof cell === 'string') return 's';
  if (typeof cell === 'boolean') return 'b';
  return typeof cell === 'number' && Number.isFinite(cell) ? 'n' : 'z';
}

/** The rows a version adds to its parent (all of them for an import), in order. */
export async function readOwnRows(
  sql: SqlRunner,
  db: Queryable,
  workspace: string,
  version: StoredVersion,
  count: number,
): Promise<RowValues[]> {
  const reads: Array<Promise<RowValues[]>> = [];
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    const values = {
      workspace,
      block: version.block,
      version: version.version,
      from_ordinal: start,
      to_ordinal: start + CHUNK_ROWS,
    };
    // Chunks go out together: the pool spreads them over its connections.
    reads.push(
      sql
        .run<{ rows: string }>(db, 'read-block-rows', values)
        .then((r) => JSON.parse(r.rows[0]?.rows ?? '[]') as RowValues[]),
    );
  }
  const chunks = await Promise.all(reads);
  if (chunks.length === 1) return chunks[0] as RowValues[];
  // A filled array of known length: flat() on a million rows costs as much as parsing them.
  const rows = new Array<RowValues>(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let next = 0;
  for (const chunk of chunks) for (const row of chunk) rows[next++] = row;
  return rows;
}

/** A version of a chain, and how many rows of its own it adds to its parent's. */
export interface ChainLink {
  stored: StoredVersion;
  own: number;
}

/**
 * A version and its ancestors, oldest first: the versions whose own rows
 * make up its rows, as getBlock resolves them. Undefined when the version is
 * unknown or an ancestor is missing.
 */
export function chainOf(
  versions: readonly StoredVersion[],
  version: string,
): ChainLink[] | undefined {
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
  return lineage.map((stored, i) => ({
    stored,
    own: stored.rowCount - (lineage[i - 1]?.rowCount ?? 0),
  }));
}

/**
 * Whether a version's rows carry the cell at `keyIndex` in their `key`
 * column: only then do the `block_rows_key` index and the joins on `key`
 * apply to them.
 */
export function storesKeyAt(version: StoredVersion, keyIndex: number): boolean {
  return version.keyColumn !== null && version.columns.indexOf(version.keyColumn) === keyIndex;
}

/** What {@link readRowsByKey} looks for: keys of one cell in the rows of a version's chain. */
export interface KeyLookup {
  workspace: string;
  chain: readonly ChainLink[];
  keyIndex: number;
  keys: readonly string[];
}

/**
 * The rows of a version's chain whose cell at `keyIndex` is one of `keys`,
 * in row order: through the key index for the versions whose rows store
 * that cell as their key, cell by cell for the others.
 */
export async function readRowsByKey(
  sql: SqlRunner,
  db: Queryable,
  lookup: KeyLookup,
): Promise<RowValues[]> {
  const { workspace, chain, keyIndex, keys } = lookup;
  const first = chain[0];
  if (first === undefined || keys.length === 0) return [];
  const versions = chain.map((link) => link.stored);
  const keyed = versions.filter((v) => storesKeyAt(v, keyIndex));
  const unkeyed = versions.filter((v) => !storesKeyAt(v, keyIndex));
  const result = await sql.run<{ rows: string }>(db, 'rows-by-key', {
    workspace,
    block: first.stored.block,
    chain: versions.map((v) => v.version),
    lineage: first.stored.lineage,
    keyed: keyed.map((v) => v.version),
    unkeyed: unkeyed.map((v) => v.version),
    keys,
    key_index: keyIndex,
  });
  return JSON.parse(result.rows[0]?.rows ?? '[]') as RowValues[];
}
