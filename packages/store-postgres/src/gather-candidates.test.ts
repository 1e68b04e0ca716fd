import { randomBytes } from 'node:crypto';
import {
  CONDITION_OPERATORS,
  compileWhere,
  type CandidateQuery,
  type JobCommit,
  type RowValues,
  type Store,
  type Value,
  type Where,
} from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('candidate gathering in SQL');

/** A small seeded generator, so a failing where can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

/** Cells that tell the equality, number and text rules apart. */
const CELLS: readonly Value[] = [
  'active',
  'Active',
  '',
  'true',
  'TRUE',
  'false',
  'False',
  'yes',
  '100',
  '100.0',
  '1e2',
  '0x10',
  ' 5',
  '5 ',
  '-1.5',
  '.5',
  '5.',
  '+7',
  '-0',
  '1e400',
  '1e-400',
  '2.5e-324',
  'abc',
  'ab%c',
  'a_b',
  "it's",
  'x\\y',
  'Straße',
  'null',
  'NaN',
  'Infinity',
  '2024-01-31',
  100,
  1.5,
  -1.5,
  0,
  7,
  0.1,
  1e21,
  5e-324,
  -0.5,
  true,
  false,
  null,
];
const NUMBERS = [100, 1.5, -1.5, 0, 7, 0.5, 5, 1e21, 0.1, 1e-7, -0.5];
const OPERANDS: readonly Value[] = [...CELLS, 'Active ', '1e21', '0.1', '7'];
const TEXTS = ['', 'a', 'ab', 'b%', '_', '1', '5', 'tr', 'TR', 'e', "'", '\\', 'ß', '0.', '-'];
const COLUMNS = ['id', 'a', 'b', 'c'];

function generateWhere(rng: ReturnType<typeof random>, depth: number): Where {
  const where: Record<string, unknown> = {};
  const entries = 1 + rng.int(2);
  for (let i = 0; i < entries; i++) {
    const roll = rng.next();
    if (depth > 0 && roll < 0.15) {
      where[rng.pick(['and', 'or'])] = Array.from({ length: rng.int(3) }, () =>
        generateWhere(rng, depth - 1),
      );
    } else if (depth > 0 && roll < 0.25) {
      where['not'] = generateWhere(rng, depth - 1);
    } else {
      const column = rng.pick(COLUMNS.slice(1));
      where[column] = rng.next() < 0.3 ? rng.pick(OPERANDS) : condition(rng, depth);
    }
  }
  return where as Where;
}

function condition(rng: ReturnType<typeof random>, depth: number): Record<string, unknown> {
  // Every operator the engine knows: a new one must be compiled to SQL or rejected here.
  const operator = rng.pick(CONDITION_OPERATORS);
  switch (operator) {
    case 'in':
      return { in: Array.from({ length: rng.int(5) }, () => rng.pick(OPERANDS)) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { [operator]: rng.pick(NUMBERS) };
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { [operator]: rng.pick(TEXTS) };
    case 'isNull':
      return { isNull: rng.next() < 0.5 };
    case 'not':
      return {
        not: depth > 0 && rng.next() < 0.5 ? condition(rng, depth - 1) : rng.pick(OPERANDS),
      };
    default:
      return { [operator]: rng.pick(OPERANDS) };
  }
}

describe('gathering candidates in SQL', () => {
  const schema = `allot_gather_${randomBytes(5).toString('hex')}`;
  const WS = 'w';
  /** One find, asked alone. */
  const gatherOne = async (store: Store, query: CandidateQuery) =>
    (await store.gatherCandidates?.(WS, [query]))?.[0];
  const NOW = new Date('2030-01-01T00:00:00Z');
  /** The store that imports the rows: it holds them, so it leaves finds over them to the engine. */
  let importer: Store;
  /** A store on the same schema that never read the rows: it gathers in SQL. */
  let store: Store;
  let rows11: RowValues[] = [];

  const query = (
    where: Where | undefined,
    extra: Partial<CandidateQuery> = {},
  ): CandidateQuery => ({
    block: 'cells',
    version: '1.1',
    where,
    columns: COLUMNS,
    keyIndex: 0,
    readOnly: false,
    now: NOW,
    ...extra,
  });
  /** What the engine finds in memory: the rows compileWhere selects. */
  const inMemory = (where: Where | undefined, rows: RowValues[]): RowValues[] =>
    rows.filter(compileWhere(where, COLUMNS, 'where'));
  const firstOf = (found: RowValues[], count: number): RowValues[] => found.slice(0, count);
  /** Where rows stand in version 1.1, by their unique id. */
  const positionsOf = (found: RowValues[] | undefined) =>
    found?.map((row) => rows11.findIndex((r) => r[0] === row[0]));

  beforeAll(async () => {
    importer = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    const rng = random(20_240_131);
    const row = (i: number): RowValues => {
      // Some rows are short: their missing cells count as null.
      const length = 1 + (i % 7 === 0 ? rng.int(3) : 3);
      return [`k${i}`, ...Array.from({ length: length - 1 }, () => rng.pick(CELLS))];
    };
    const first = Array.from({ length: 400 }, (_, i) => row(i));
    await importer.addBlockVersion(WS, {
      block: 'cells',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: first,
      origin: 'import',
    });
    const made = Array.from({ length: 60 }, (_, i) => row(400 + i));
    await importer.addBlockVersion(WS, {
      block: 'cells',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: made,
      origin: 'make',
    });
    rows11 = (await importer.getBlock(WS, 'cells', '1.1'))?.rows ?? [];
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 4 });
  });

  afterAll(async () => {
    await importer?.close();
    await store?.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('selects exactly the rows compileWhere selects, for 600 generated wheres over a made version', async () => {
    expect(rows11).toHaveLength(460);
    // Rows of strings only (no kinds) and rows with numbers, booleans and nulls (kinds) alike.
    const typed = rows11.filter((row) => row.some((cell) => typeof cell !== 'string'));
    expect(typed.length).toBeGreaterThan(100);
    expect(rows11.length - typed.length).toBeGreaterThan(100);
    const rng = random(7);
    let nonEmpty = 0;
    for (let i = 0; i < 600; i++) {
      const where = generateWhere(rng, 2);
      const expected = inMemory(where, rows11);
      const got = await gatherOne(store, query(where));
      expect(got, JSON.stringify(where)).toEqual(expected);
      if (expected.length > 0 && expected.length < rows11.length) nonEmpty++;
    }
    // The generated wheres must discriminate, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(300);
  });

  it('selects exactly the rows compileWhere selects for finds on the key, read through its index', async () => {
    const rng = random(13);
    const keys = [
      'k1',
      'k4',
      'k41',
      'k45',
      'k459',
      'k46',
      'k410',
      'k%',
      'k_',
      'K1',
      '1',
      'true',
      '',
    ];
    const prefixes = ['k', 'k4', 'k45', 'k40', 'k_', 'k%', 'K', 'k\\', 'x', 'k41'];
    const keyConditions = [
      () => rng.pick(keys),
      () => ({ eq: rng.pick(keys) }),
      () => ({ in: Array.from({ length: 1 + rng.int(3) }, () => rng.pick(keys)) }),
      () => ({ startsWith: rng.pick(prefixes) }),
    ];
    let nonEmpty = 0;
    for (let i = 0; i < 150; i++) {
      const where = { ...generateWhere(rng, 1), id: rng.pick(keyConditions)() } as Where;
      const expected = inMemory(where, rows11);
      const limit = 1 + rng.int(4);
      expect(await gatherOne(store, query(where)), JSON.stringify(where)).toEqual(expected);
      expect(await gatherOne(store, query(where, { limit })), JSON.stringify(where)).toEqual(
        firstOf(expected, limit),
      );
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('selects exactly the rows compileWhere selects, for every operator over every operand', async () => {
    const wheres: Where[] = [];
    for (const operand of OPERANDS) {
      wheres.push({ a: operand } as Where, { a: { ne: operand } }, {
        a: { not: operand },
      } as Where);
      wheres.push(
        { a: { in: [operand] } },
        { a: { in: [operand, 'zzz'] } },
        { a: { in: [operand, 7] } },
      );
    }
    for (const bound of NUMBERS) {
      for (const operator of ['gt', 'gte', 'lt', 'lte']) wheres.push({ a: { [operator]: bound } });
    }
    for (const text of TEXTS)
      wheres.push(
        { a: { contains: text } },
        { a: { startsWith: text } },
        { a: { endsWith: text } },
      );
    wheres.push(
      { a: { isNull: true } },
      { a: { isNull: false } },
      { c: { in: [] } },
      { or: [] },
      {},
    );
    for (const where of wheres) {
      const got = await gatherOne(store, query(where));
      expect(got, JSON.stringify(where)).toEqual(inMemory(where, rows11));
    }
  });

  it('gives each row its key and the cells the finds name only, when they name some', async () => {
    /** A row as a find naming `cells` gets it: the key as a string and those cells, the rest left out. */
    const keyed = (row: RowValues, cells: readonly number[]): RowValues => {
      const values = new Array(COLUMNS.length) as RowValues;
      values[0] = String(row[0]);
      // A short row's missing cell reads null, which sorts as a missing one does.
      for (const cell of cells) values[cell] = row[cell] ?? null;
      return values;
    };
    const rng = random(11);
    for (let i = 0; i < 100; i++) {
      const where = generateWhere(rng, 1);
      const cells = [[], [2], [3, 1], [0, 2]][i % 4] as number[];
      const got = await gatherOne(store, query(where, { cells }));
      const expected = inMemory(where, rows11).map((row) => keyed(row, cells));
      expect(got, JSON.stringify(where)).toEqual(expected);
      // Left out, not null: nothing but the key and the named cells is there.
      for (const row of got ?? [])
        expect(row.flatMap((cell, index) => (cell === undefined ? [] : [index])).sort()).toEqual(
          [...new Set([0, ...cells])].sort(),
        );
    }
    // Asked together, each find gets at least its cells; one asking for every cell gets them all.
    const where: Where = { a: { ne: 'active' } };
    const together = await store.gatherCandidates?.(WS, [
      query(where, { cells: [] }),
      query(where, { cells: [3] }),
    ]);
    const both = inMemory(where, rows11).map((row) => keyed(row, [3]));
    expect(together).toEqual([both, both]);
    const mixed = await store.gatherCandidates?.(WS, [query(where, { cells: [] }), query(where)]);
    expect(mixed).toEqual([inMemory(where, rows11), inMemory(where, rows11)]);
  });

  it('matches on the parent version too, and takes the first rows up to a limit', async () => {
    const parent = rows11.slice(0, 400);
    const where: Where = { a: { in: ['active', 100, true] } };
    expect(await gatherOne(store, query(where, { version: '1.0' }))).toEqual(
      inMemory(where, parent),
    );
    expect(await gatherOne(store, query(where, { limit: 3 }))).toEqual(
      firstOf(inMemory(where, rows11), 3),
    );
  });

  it('leaves date ranges to the engine', async () => {
    expect(await gatherOne(store, query({ a: { gt: '2024-01-01' } }))).toBeUndefined();
  });

  it('leaves a filter with U+0000, which PostgreSQL cannot bind as text, to the engine', async () => {
    for (const where of [
      { a: 'x\u0000' },
      { a: { in: ['y', 'x\u0000'] } },
      { a: { contains: '\u0000' } },
      { a: { startsWith: 'x\u0000' } },
      { a: { endsWith: '\u0000x' } },
    ])
      expect(await gatherOne(store, query(where))).toBeUndefined();
  });

  it('leaves versions whose rows the store holds to the engine, which scans them faster', async () => {
    const queries = [query({ a: 'active' }), query(undefined, { version: '1.0' })];
    // The importer holds 1.0 (imported) and 1.1 (read back).
    expect(await importer.gatherCandidates?.(WS, queries)).toEqual([undefined, undefined]);
    const fresh = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    try {
      await fresh.getBlock(WS, 'cells', '1.0');
      expect(await fresh.gatherCandidates?.(WS, queries)).toEqual([
        inMemory({ a: 'active' }, rows11),
        undefined,
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('leaves out consumed rows and rows held against the find, as the engine does', async () => {
    const commit = (
      jobId: number,
      test: string,
      key: string,
      flags: { readOnly: boolean; consume: boolean },
    ): JobCommit => ({
      workspace: WS,
      jobId,
      bundleKey: `b${jobId}`,
      namespace: 'ns',
      createdAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
      tests: [
        {
          pool: 'p',
          suite: 's',
          test,
          status: 'allocated',
          reason: null,
          rows: [{ block: 'cells', key }],
          ...flags,
          fromJob: null,
          releasedAt: null,
        },
      ],
      results: [],
      madeRows: [],
      supersedes: [],
    });
    const id = () => store.reserveJobId(WS);
    await store.commitJob(
      commit(await id(), 'exclusive', 'k1', { readOnly: false, consume: false }),
      NOW,
    );
    await store.commitJob(
      commit(await id(), 'shared', 'k2', { readOnly: true, consume: false }),
      NOW,
    );
    await store.commitJob(
      commit(await id(), 'consumed', 'k3', { readOnly: false, consume: true }),
      NOW,
    );
    const free = async (extra: Partial<CandidateQuery>) =>
      positionsOf(await gatherOne(store, query(undefined, { limit: 5, ...extra })));
    expect(await free({ readOnly: false })).toEqual([0, 4, 5, 6, 7]);
    expect(await free({ readOnly: true })).toEqual([0, 2, 4, 5, 6]);
    // Asked together, finds with one filter share its evaluation, not their leases' rules.
    const together = await store.gatherCandidates?.(WS, [
      query(undefined, { readOnly: false, limit: 5 }),
      query(undefined, { readOnly: true, limit: 5 }),
    ]);
    expect(together?.map(positionsOf)).toEqual([
      [0, 4, 5, 6, 7],
      [0, 2, 4, 5, 6],
    ]);
    // Leases that expired no longer hold.
    const later = new Date(NOW.getTime() + 7_200_000);
    expect(await free({ now: later })).toEqual([0, 1, 2, 4, 5]);
    // Keyed by a cell that is not the version's key column, leases are matched on that cell.
    await store.commitJob(
      commit(await id(), 'by-cell', 'active', { readOnly: false, consume: false }),
      NOW,
    );
    const notActive = rows11.flatMap((row, index) => (row[1] === 'active' ? [] : [index]));
    expect(notActive.length).toBeLessThan(rows11.length);
    expect(await free({ keyIndex: 1 })).toEqual(notActive.slice(0, 5));
  });
});
