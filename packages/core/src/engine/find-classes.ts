import { AllotError } from '../errors.js';
import { compareRows } from '../find/compare-rows.js';
import { compileWhere } from '../find/compile-where.js';
import { describeWhere } from '../find/describe-where.js';
import { findKey } from '../find/find-key.js';
import { ColumnTable } from '../data-block/column-table.js';
import type { BlockVersionMeta, RowValues } from '../model/block-version.js';
import type { Find, SqlQuery } from '../model/pool-definition.js';
import type { BlockStore } from '../store/store.js';
import { serverBlock, type ResolutionDatabase } from './resolution-database.js';
import type { ResolvedTest } from './resolve-tests.js';

export type Resolved = Extract<ResolvedTest, { error: null }>;

/**
 * A data block version as a find reads it. Its rows are read only when the
 * engine scans them in memory: a store that gathers candidates itself
 * answers from its own copy, so a job over a large block need not read it.
 */
export class BlockSource {
  /** `customers@1.2` */
  readonly label: string;
  readonly block: BlockVersionMeta;
  readonly keyIndex: number;
  readonly #read: () => Promise<ColumnTable>;
  #table: ColumnTable | undefined;
  #reading: Promise<ColumnTable> | undefined;

  constructor(
    label: string,
    block: BlockVersionMeta,
    keyIndex: number,
    rows: ColumnTable | (() => Promise<ColumnTable>),
  ) {
    this.label = label;
    this.block = block;
    this.keyIndex = keyIndex;
    if (rows instanceof ColumnTable) {
      this.#table = rows;
      this.#read = () => Promise.resolve(rows);
    } else this.#read = rows;
  }

  /** Every row of the version by column, once {@link read} has read them. */
  get table(): ColumnTable {
    if (this.#table === undefined) throw new Error(`the rows of ${this.label} were not read`);
    return this.#table;
  }

  get isRead(): boolean {
    return this.#table !== undefined;
  }

  /** Reads every row of the version, once. */
  read(): Promise<ColumnTable> {
    this.#reading ??= this.#read().then((table) => (this.#table = table));
    return this.#reading;
  }
}

/** Tests of one bundle that accept exactly the same rows. */
export interface FindClass {
  source: BlockSource;
  find: Find;
  description: string;
  matches: (row: RowValues) => boolean;
  order: ((a: RowValues, b: RowValues) => number) | null;
  readOnly: boolean;
  /** In bundle order. */
  tests: Resolved[];
}

export interface Classified {
  classes: FindClass[];
  /** Tests that cannot be matched, with the reason. */
  errors: Map<Resolved, string>;
}

/**
 * Groups the bundle's tests by the rows they accept (same block version,
 * same find, same sharing), looking each block version up once (its rows
 * are read later, if the job scans them) and compiling each find once. A
 * missing block or an unknown column fails only the tests concerned.
 */
export async function classifyTests(
  store: BlockStore,
  workspace: string,
  tests: readonly Resolved[],
  server?: ResolutionDatabase,
): Promise<Classified> {
  const sources = new Map<string, Promise<BlockSource>>();
  const classes = new Map<string, FindClass>();
  const errors = new Map<Resolved, string>();
  const sourceOf = (item: Resolved): Promise<BlockSource> => {
    const { query } = item.test.find;
    const from =
      query === undefined
        ? (item.test.find.from ?? item.pool.blocks[0]?.name ?? '')
        : `query:${JSON.stringify(query)}`;
    let source = sources.get(from);
    if (source === undefined) {
      source =
        query === undefined
          ? loadSource(store, workspace, from, item.pool.key)
          : runQuery(server, query);
      sources.set(from, source);
    }
    return source;
  };
  for (const item of tests) {
    try {
      const source = await sourceOf(item);
      const key = `${source.label}\u0000${item.test.readOnly}\u0000${findKey(item.test.find)}`;
      const existing = classes.get(key);
      checkColumns(item, source);
      if (existing !== undefined) existing.tests.push(item);
      else classes.set(key, compileClass(item, source));
    } catch (error) {
      errors.set(item, error instanceof AllotError ? error.message : String(error));
    }
  }
  return { classes: [...classes.values()], errors };
}

async function loadSource(
  store: BlockStore,
  workspace: string,
  from: string,
  keyColumn: string,
): Promise<BlockSource> {
  const [name = '', version] = from.split('@');
  const versions = await store.listBlockVersions(workspace, name);
  const block =
    version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (block === undefined) {
    if (versions.length === 0) {
      throw new AllotError(
        'NOT_FOUND',
        `data block "${name}" does not exist; import it with: allot import <file.csv> --block ${name}`,
      );
    }
    const known = versions.map((v) => v.version).join(', ');
    throw new AllotError(
      'NOT_FOUND',
      `data block "${name}" has no version ${version} (versions: ${known})`,
    );
  }
  const keyIndex = block.columns.indexOf(keyColumn);
  if (keyIndex < 0) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `data block "${name}" has no key column "${keyColumn}"; its columns: ${block.columns.join(', ')}`,
    );
  }
  const label = `${name}@${block.version}`;
  const source = new BlockSource(label, block, keyIndex, async () => {
    const table =
      store.getBlockTable === undefined
        ? await rowsOf(store, workspace, block)
        : await store.getBlockTable(workspace, name, block.version);
    if (table === undefined) throw new AllotError('NOT_FOUND', `data block ${label} is gone`);
    return table;
  });
  if (block.keyColumn !== keyColumn) assertUniqueKeys(source, await source.read(), keyColumn);
  return source;
}

async function rowsOf(
  store: BlockStore,
  workspace: string,
  meta: BlockVersionMeta,
): Promise<ColumnTable | undefined> {
  const read = await store.getBlock(workspace, meta.block, meta.version);
  return read === undefined ? undefined : ColumnTable.fromRows(read.columns, read.rows);
}

/**
 * Runs a find's query once per job on the job's resolution server. Rows
 * repeating a key count once: leases are kept by key.
 */
async function runQuery(
  server: ResolutionDatabase | undefined,
  query: SqlQuery,
): Promise<BlockSource> {
  if (server === undefined) {
    throw new AllotError(
      'INVALID_INPUT',
      'this find is a SQL query: execute the job on the resolution server of its database (the local server resolves data block finds only)',
    );
  }
  let table;
  try {
    table = await server.query({ sql: query.sql, params: query.params ?? {} });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AllotError(
      'INVALID_INPUT',
      `the query failed on server "${server.name}": ${reason}`,
      {},
      { cause: error },
    );
  }
  const keyIndex = table.columns.indexOf(query.key);
  if (keyIndex < 0) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `the query's result has no key column "${query.key}" (its columns: ${table.columns.join(', ')}); select it or name another key`,
    );
  }
  const seen = new Set<string>();
  const rows = table.rows.filter((row) => {
    const key = String(row[keyIndex]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const block: BlockVersionMeta = {
    block: serverBlock(server.name),
    version: 'live',
    columns: table.columns,
    keyColumn: query.key,
    rowCount: rows.length,
    origin: 'import',
    parent: null,
    sourceHash: null,
    jobId: null,
    createdAt: new Date(0).toISOString(),
  };
  return new BlockSource(
    `server ${server.name}`,
    block,
    keyIndex,
    ColumnTable.fromRows(table.columns, rows),
  );
}

/** A block imported without this key column has not had its keys checked yet. */
function assertUniqueKeys(source: BlockSource, table: ColumnTable, keyColumn: string): void {
  const seen = new Set<string>();
  const keys = table.column(source.keyIndex);
  for (let i = 0; i < table.rowCount; i++) {
    const key = String(keys.valueAt(i));
    if (seen.has(key)) {
      throw new AllotError(
        'INVALID_DATA',
        `data block "${source.label}" repeats the key ${keyColumn} "${key}"; a pool's key column must identify one row`,
      );
    }
    seen.add(key);
  }
}

function checkColumns(item: Resolved, source: BlockSource): void {
  const unknown = (item.test.columns ?? []).filter((c) => !source.block.columns.includes(c));
  if (unknown.length > 0) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `test "${item.test.test}" asks for unknown column(s) ${unknown.join(', ')}; the block has columns: ${source.block.columns.join(', ')}`,
    );
  }
}

function compileClass(item: Resolved, source: BlockSource): FindClass {
  const index = item.pool.tests.indexOf(item.test);
  const path = `${item.pool.name}: tests[${index}].find`;
  const { columns } = source.block;
  const { query, where } = item.test.find;
  const criteria = describeWhere(where);
  const description =
    query === undefined
      ? criteria
      : `rows of the query ${JSON.stringify(query.sql)}${where === undefined ? '' : ` where ${criteria}`}`;
  return {
    source,
    find: item.test.find,
    description,
    matches: compileWhere(item.test.find.where, columns, `${path}.where`),
    order: compareRows(item.test.find.order, columns, `${path}.order`),
    readOnly: item.test.readOnly,
    tests: [item],
  };
}
