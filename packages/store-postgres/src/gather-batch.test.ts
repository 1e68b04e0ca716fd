import { randomBytes } from 'node:crypto';
import {
  compileWhere,
  type CandidateQuery,
  type RowValues,
  type Store,
  type Where,
} from '@allot/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherBatch } from './gather-candidates.js';
import { listVersions } from './block-versions.js';
import { openPostgresStore } from './open-postgres-store.js';
import { loadSqlTexts } from './sql-files.js';
import { SqlRunner } from './sql-runner.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('batched candidate gathering');

const WS = 'w';
const NOW = new Date('2030-01-01T00:00:00Z');
const COLUMNS = ['id', 'status', 'balance', 'flag'];
const STATUSES = ['active', 'Active', 'locked', '', 'new', '7'];
/** Rows of strings, as from a CSV, and rows with a number or a boolean, as from JSON. */
const row = (i: number): RowValues => {
  const balance = ((i * 37) % 400) - 100;
  return [
    `k${i}`,
    STATUSES[i % STATUSES.length] ?? '',
    i % 11 === 0 ? 'n/a' : i % 4 === 0 ? balance : String(balance),
    i % 3 === 0 ? 'TRUE' : i % 5 === 0 ? false : 'false',
  ];
};

/** Finds that share rows, with limits that end some of them inside the first slices. */
const FINDS: Array<{ where: Where | undefined; limit?: number; readOnly?: boolean }> = [
  { where: { status: 'active' }, limit: 5 },
  { where: { status: 'active' }, limit: 40 },
  { where: { status: { in: ['active', 'Active'] } } },
  { where: { balance: { gt: 150 } }, limit: 12, readOnly: true },
  { where: { balance: { lte: 0 }, flag: true } },
  { where: { or: [{ status: 'locked' }, { balance: { gte: 290 } }], not: { flag: false } } },
  { where: { status: 7 }, limit: 3 },
  { where: { balance: { isNull: false }, status: { startsWith: 'n' } }, limit: 0 },
  { where: { since: { gt: '2024-01-01' } } },
  { where: undefined, limit: 33 },
  { where: { id: { contains: '1' }, balance: { lt: 50 } }, limit: 1000 },
  // Finds on the key, read through the key index: a prefix, keys in any order, one key.
  { where: { id: { startsWith: 'k1' }, status: 'active' }, limit: 4 },
  { where: { id: { in: ['k3', 'k200', 'k7', 'k200'] } } },
  { where: { id: 'k190' }, readOnly: true },
];

describe('gathering the candidates of many finds at once', () => {
  const schema = `allot_batch_${randomBytes(5).toString('hex')}`;
  /** Opened after the import, so it never held the rows and gathers in SQL. */
  let store: Store;
  let pool: pg.Pool;
  let all: RowValues[] = [];

  const queryOf = (find: (typeof FINDS)[number]): CandidateQuery => ({
    block: 'customers',
    version: '1.1',
    where: find.where,
    columns: [...COLUMNS, ...(find.where !== undefined && 'since' in find.where ? ['since'] : [])],
    keyIndex: 0,
    readOnly: find.readOnly ?? false,
    now: NOW,
    ...(find.limit === undefined ? {} : { limit: find.limit }),
  });
  const expected = (find: (typeof FINDS)[number]): RowValues[] | undefined => {
    if (find.where !== undefined && 'since' in find.where) return undefined;
    const found = all.filter(compileWhere(find.where, COLUMNS, 'where'));
    return found.slice(0, find.limit ?? found.length);
  };

  beforeAll(async () => {
    const importer = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    const first = Array.from({ length: 180 }, (_, i) => row(i));
    const made = Array.from({ length: 45 }, (_, i) => row(180 + i));
    for (const [rows, origin] of [
      [first, 'import'],
      [made, 'make'],
    ] as const) {
      await importer.addBlockVersion(WS, {
        block: 'customers',
        columns: COLUMNS,
        keyColumn: 'id',
        rows,
        origin,
      });
    }
    await importer.close();
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    all = [...first, ...made];
    pool = new pg.Pool({
      connectionString: POSTGRES_URL,
      max: 1,
      options: `-c search_path="${schema}"`,
    });
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('answers finds asked together as each alone would be answered', async () => {
    const gather = store.gatherCandidates?.bind(store);
    if (gather === undefined) throw new Error('the store does not gather in SQL');
    const got = await gather(WS, FINDS.map(queryOf));
    got.forEach((found, i) =>
      expect(found, JSON.stringify(FINDS[i])).toEqual(expected(FINDS[i] as (typeof FINDS)[number])),
    );
  });

  it('reads the chain in slices, stopping each find at its limit', async () => {
    const sql = new SqlRunner(await loadSqlTexts());
    const versions = await listVersions(sql, pool, WS, 'customers');
    const target = {
      workspace: WS,
      versions,
      block: 'customers',
      version: '1.1',
      keyIndex: 0,
      now: NOW,
    };
    for (const firstChunk of [1, 7, 50, 1000]) {
      const queries = FINDS.filter((f) => f.where === undefined || !('since' in f.where)).map(
        queryOf,
      );
      const got = await gatherBatch(sql, pool, { ...target, firstChunk }, queries);
      const wanted = FINDS.filter((f) => f.where === undefined || !('since' in f.where)).map(
        expected,
      );
      expect(got, `first slice of ${firstChunk}`).toEqual(wanted);
    }
    expect(
      await gatherBatch(sql, pool, { ...target, version: '9.9' }, [queryOf(FINDS[0]!)]),
    ).toEqual([undefined]);
  });

  it('reads a find narrowed to keys through the key index, one statement per version of its chain', async () => {
    const sql = new SqlRunner(await loadSqlTexts());
    const versions = await listVersions(sql, pool, WS, 'customers');
    let statements = 0;
    const counting = {
      query: (config: pg.QueryConfig) => {
        statements++;
        return pool.query(config);
      },
    } as unknown as pg.Pool;
    const target = { workspace: WS, versions, block: 'customers', keyIndex: 0, now: NOW };
    // k19 in the import, k190–k199 in the made version: rarer than the limit, so slices
    // would read every row of both versions.
    const find = { where: { id: { startsWith: 'k19' } }, limit: 50 };
    const got = await gatherBatch(sql, counting, { ...target, version: '1.1', firstChunk: 1 }, [
      queryOf(find),
    ]);
    expect(got).toEqual([expected(find)]);
    expect(got[0]).toHaveLength(11);
    expect(statements).toBe(2);
  });

  it('reads a first slice of 8,192 rows by default, so finds met early return few rows', async () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => [`w${i}`, 'active', i, false]);
    const importer = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    await importer.addBlockVersion(WS, {
      block: 'wide',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: wide,
      origin: 'import',
    });
    await importer.close();
    const sql = new SqlRunner(await loadSqlTexts());
    const versions = await listVersions(sql, pool, WS, 'wide');
    let returned = 0;
    const counting = {
      query: async (config: pg.QueryConfig) => {
        const result = await pool.query<{ found: string }>(config);
        returned += (JSON.parse(result.rows[0]?.found ?? '[]') as unknown[]).length;
        return result;
      },
    } as unknown as pg.Pool;
    const target = {
      workspace: WS,
      versions,
      block: 'wide',
      version: '1.0',
      keyIndex: 0,
      now: NOW,
    };
    const find = {
      ...queryOf({ where: { status: 'active' }, limit: 5 }),
      block: 'wide',
      version: '1.0',
    };
    const got = await gatherBatch(sql, counting, target, [find]);
    expect(got).toEqual([wide.slice(0, 5)]);
    // Every row matches: the statement returns its whole first slice, not the whole block.
    expect(returned).toBe(8_192);
  });
});
