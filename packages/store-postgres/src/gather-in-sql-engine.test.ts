import { randomBytes } from 'node:crypto';
import { executeJob, type AllocationTest, type RowValues, type Store } from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl, testsOfSuite } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('engine with SQL gathering');

const WS = 'default';
const T0 = new Date('2030-01-01T00:00:00Z');
const STATUSES = ['active', 'Active', 'locked', '', 'new'];
const rows: RowValues[] = Array.from({ length: 300 }, (_, i) => [
  `c${i}`,
  STATUSES[i % 5] ?? '',
  String((i * 37) % 1000),
  i % 3 === 0 ? 'TRUE' : 'false',
  `2024-0${1 + (i % 9)}-1${i % 10}`,
]);

const spec = testsOfSuite('');

const finds = [
  spec('active', { where: { status: 'active' } }),
  spec('active two', { where: { status: { in: ['active', 'Active'] } } }, { count: 2 }),
  spec('rich', {
    where: { balance: { gt: 500 } },
    order: [{ column: 'balance', direction: 'desc' }],
  }),
  spec('flagged', { where: { flag: true, not: { status: { isNull: true } } } }),
  spec(
    'reader',
    { where: { or: [{ status: 'locked' }, { balance: { lte: 100 } }] } },
    { readOnly: true },
  ),
  spec('recent', { where: { since: { gte: '2024-06-01' } } }),
  spec('consumer', { where: { status: { startsWith: 'n' } } }, { consume: true }),
];
/** The same finds in four suites: each round allocates a suite while the earlier rounds hold their rows. */
const SUITES = ['s0', 's1', 's2', 's3'];
const tests: AllocationTest[] = SUITES.flatMap((suite) =>
  finds.map((find) => ({ ...find, suite })),
);
const bundle = (suite: string) => finds.map((f) => ({ pool: 'shop', suite, test: f.test }));

/**
 * The same bundles on two stores over the same rows, one gathering in SQL
 * and one scanning in memory, must allocate the same rows: the matching is
 * deterministic, so any difference is a difference in candidates. Each
 * round runs on a store opened for it: a store that holds a block's rows
 * (it imported them, or read them for the date range) leaves its finds to
 * the engine's in-memory scan, which would leave nothing to compare.
 */
describe('the engine over a store that gathers in SQL', () => {
  const [sqlSchema, memorySchema] = [0, 1].map(
    () => `allot_gather_${randomBytes(5).toString('hex')}`,
  ) as [string, string];
  let memory: Store;

  const openGathering = () => openPostgresStore(POSTGRES_URL, { schema: sqlSchema, poolSize: 2 });

  beforeAll(async () => {
    const importer = await openGathering();
    memory = await openPostgresStore(POSTGRES_URL, {
      schema: memorySchema,
      poolSize: 2,
      gatherInSql: false,
    });
    for (const store of [importer, memory]) {
      await store.addBlockVersion(WS, {
        block: 'customers',
        columns: ['id', 'status', 'balance', 'flag', 'since'],
        keyColumn: 'id',
        rows,
        origin: 'import',
      });
      await store.putPool(WS, {
        name: 'shop',
        key: 'id',
        blocks: [{ name: 'customers' }],
        secrets: [],
        tests,
      });
    }
    await importer.close();
  });

  afterAll(async () => {
    await memory?.close();
    await dropSchemas(POSTGRES_URL, [sqlSchema, memorySchema]);
  });

  it('allocates exactly what the in-memory scan allocates, job after job', async () => {
    expect(memory.gatherCandidates).toBeUndefined();
    let calls = 0;
    let asked = 0;
    let answered = 0;
    /** Candidate rows gathered, values of them beyond the key and the cells asked, rows read by key. */
    const values = { candidates: 0, unasked: 0, byKey: 0 };
    /**
     * A fresh gathering store whose gatherCandidates counts what it is asked
     * and answers, and whose rowsByKey counts the rows it reads.
     */
    const openCounted = async (): Promise<Store> => {
      const store = await openGathering();
      const gather = store.gatherCandidates?.bind(store);
      const rowsByKey = store.rowsByKey?.bind(store);
      if (gather === undefined || rowsByKey === undefined)
        throw new Error('the store does not gather in SQL by default');
      Object.defineProperty(store, 'gatherCandidates', {
        value: async (...args: Parameters<typeof gather>) => {
          calls++;
          asked += args[1].length;
          const answers = await gather(...args);
          answered += answers.filter((answer) => answer !== undefined).length;
          // Finds asked together get the cells any of them names (an order's column here).
          const named = new Set(
            args[1].flatMap((query) => [query.keyIndex, ...(query.cells ?? [])]),
          );
          for (const answer of answers)
            for (const row of answer ?? []) {
              values.candidates++;
              row.forEach((cell, index) => {
                if (cell !== undefined && !named.has(index)) values.unasked++;
              });
            }
          return answers;
        },
      });
      Object.defineProperty(store, 'rowsByKey', {
        value: async (...args: Parameters<typeof rowsByKey>) => {
          const rows = await rowsByKey(...args);
          values.byKey += rows.length;
          return rows;
        },
      });
      return store;
    };
    const rounds = [
      ...SUITES.map((suite) => ({ suite, refresh: false })),
      { suite: 's0', refresh: true },
    ];
    for (const [index, round] of rounds.entries()) {
      const inSql = await openCounted();
      try {
        const reports = await Promise.all(
          [inSql, memory].map((store) =>
            executeJob(store, {
              workspace: WS,
              tests: bundle(round.suite),
              refresh: round.refresh,
              namespace: 'n',
              clock: () => T0,
              jobId: 100 + index,
            }),
          ),
        );
        const [sql, scanned] = reports.map((report) =>
          report.tests.map((t) => ({ test: t.test, status: t.status, values: t.values })),
        );
        expect(sql, `round ${index}`).toEqual(scanned);
        if (index === 0) {
          expect(
            reports[0]?.allocated,
            JSON.stringify(reports[0]?.tests.map((t) => t.reason)),
          ).toBe(finds.length);
          // No test short, so no census: the rows read by key are the allocated rows, at most
          // (those the date range's in-memory scan met first have their values already).
          const allocatedRows = (reports[0]?.tests ?? []).reduce((n, t) => n + t.values.length, 0);
          expect(values.byKey).toBeGreaterThan(0);
          expect(values.byKey).toBeLessThanOrEqual(allocatedRows);
          expect(values.candidates).toBeGreaterThan(4 * allocatedRows);
        }
      } finally {
        await inSql.close();
      }
    }
    // Every find in each round but the refresh, all of a job's finds in one call; every
    // one answered in SQL but the date range.
    expect(calls).toBe(4);
    expect(asked).toBe(4 * finds.length);
    expect(answered).toBe(4 * (finds.length - 1));
    // The candidates come without values: only the rows allocated are read in full.
    expect(values.unasked).toBe(0);
  });
});
