import { beforeEach, describe, expect, it } from 'vitest';
import { compileWhere } from '../find/compile-where.js';
import type { RowValues } from '../model/block-version.js';
import type { TestRef } from '../model/job-record.js';
import type { AllocationTest } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import type { CandidateQuery, Store } from '../store/store.js';
import { executeJob } from './execute-job.js';
import type { JobReport } from './job-report.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const clock = () => T0;
const WS = 'default';

/**
 * A store that gathers candidates itself, as the PostgreSQL store does in
 * SQL: here over the memory store's rows with core's own filter, each row
 * with its key and the cells asked only, and counting the whole-block reads
 * the engine makes through it (as rows or by column) and the rows it reads by key.
 */
function gathering(inner: Store): {
  store: Store;
  blockReads: () => number;
  readByKey: () => number;
} {
  let reads = 0;
  let byKey = 0;
  /** A row as a query naming cells gets it: its key and those cells, the others left out. */
  const asked = (query: CandidateQuery, row: RowValues): RowValues => {
    if (query.cells === undefined) return row;
    const values = new Array(query.columns.length) as RowValues;
    values[query.keyIndex] = String(row[query.keyIndex]);
    for (const cell of query.cells) values[cell] = row[cell] ?? null;
    return values;
  };
  const free = async (workspace: string, query: CandidateQuery) => {
    const claims = await inner.claimState(workspace, [query.block], query.now);
    return (row: RowValues) => {
      const id = `${query.block}\u0000${String(row[query.keyIndex])}`;
      if (claims.consumed.has(id)) return false;
      const holders = claims.leases.get(id) ?? [];
      return holders.every((h) => query.readOnly && h.shared);
    };
  };
  const gatherCandidates = (workspace: string, queries: readonly CandidateQuery[]) =>
    Promise.all(
      queries.map(async (query): Promise<RowValues[]> => {
        const block = await inner.getBlock(workspace, query.block, query.version);
        const matches = compileWhere(query.where, [...query.columns], 'where');
        const isFree = await free(workspace, query);
        const found: RowValues[] = [];
        for (const row of block?.rows ?? []) {
          if (found.length === query.limit) break;
          if (matches(row) && isFree(row)) found.push(asked(query, row));
        }
        return found;
      }),
    );
  const rowsByKey = async (
    workspace: string,
    version: { block: string; version: string },
    keyIndex: number,
    keys: readonly string[],
  ) => {
    const wanted = new Set(keys);
    const block = await inner.getBlock(workspace, version.block, version.version);
    const rows = (block?.rows ?? []).filter((row) => wanted.has(String(row[keyIndex])));
    byKey += rows.length;
    return rows;
  };
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      if (name === 'gatherCandidates') return gatherCandidates;
      if (name === 'rowsByKey') return rowsByKey;
      if (name === 'getBlock' || name === 'getBlockTable') reads++;
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, blockReads: () => reads, readByKey: () => byKey };
}

const spec = (test: string, where: AllocationTest['find']['where'], extra = {}) =>
  ({
    suite: 's',
    test,
    find: { where },
    count: 1,
    consume: false,
    readOnly: false,
    ...extra,
  }) as AllocationTest;

const TESTS: AllocationTest[] = [
  spec('active', { status: 'active' }),
  spec('two gold', { tier: 'gold' }, { count: 2 }),
  spec('rich', { balance: { gt: 50 } }),
  spec('reader', { status: 'locked' }, { readOnly: true }),
  spec('too many', { tier: 'bronze', status: 'closed' }, { count: 3 }),
  spec('by balance', { status: 'active' }, { count: 1 }),
];
TESTS[5] = {
  ...(TESTS[5] as AllocationTest),
  find: { where: { status: 'active' }, order: [{ column: 'balance', direction: 'desc' }] },
};

const ROWS: RowValues[] = Array.from({ length: 40 }, (_, i) => [
  `c${i}`,
  ['active', 'locked', 'closed'][i % 3] ?? '',
  ['gold', 'silver', 'bronze', 'silver'][i % 4] ?? '',
  String((i * 7) % 100),
]);

async function seeded(): Promise<Store> {
  const store = await openMemoryStore();
  await store.addBlockVersion(WS, {
    block: 'customers',
    columns: ['id', 'status', 'tier', 'balance'],
    keyColumn: 'id',
    rows: ROWS,
    origin: 'import',
  });
  await store.putPool(WS, {
    name: 'shop',
    key: 'id',
    blocks: [{ name: 'customers' }],
    secrets: [],
    tests: TESTS,
  });
  return store;
}

const refs = (suite: string, tests = TESTS): TestRef[] =>
  tests.map((t) => ({ pool: 'shop', suite, test: t.test }));
/** What a job gave and why it failed, without its ids and times. */
const outcome = (report: JobReport) =>
  report.tests.map((t) => ({ test: t.test, status: t.status, values: t.values, reason: t.reason }));

describe('a job over a store that gathers candidates itself', () => {
  let plain: Store;
  let gatherer: ReturnType<typeof gathering>;

  beforeEach(async () => {
    plain = await seeded();
    gatherer = gathering(await seeded());
  });

  it('allocates what the in-memory scan allocates without reading the block, failures explained', async () => {
    // A first job holds rows, so the second meets leases.
    const holders = [spec('active', { tier: 'bronze', status: 'closed' }, { count: 2 })];
    for (const store of [plain, gatherer.store]) {
      await store.putPool(WS, {
        name: 'hold',
        key: 'id',
        blocks: [{ name: 'customers' }],
        secrets: [],
        tests: holders,
      });
      await executeJob(store, { tests: [{ pool: 'hold', suite: 's', test: 'active' }], clock });
    }
    const before = gatherer.blockReads();
    const readBefore = gatherer.readByKey();
    const expected = await executeJob(plain, { tests: refs('s'), clock });
    const actual = await executeJob(gatherer.store, { tests: refs('s'), clock });
    expect(outcome(actual)).toEqual(outcome(expected));
    expect(actual.failed).toBe(1);
    expect(outcome(actual).find((t) => t.test === 'too many')?.reason).toMatch(
      /4 rows qualify, 2 leased by job \d+, 2 free/,
    );
    expect(gatherer.blockReads() - before).toBe(0);
    // Values are read for the rows allocated and the 2 held rows the census reads, no others.
    const allocated = actual.tests.reduce((n, t) => n + t.values.length, 0);
    expect(gatherer.readByKey() - readBefore).toBe(allocated + 2);
  });

  it('reads the block for a dry run and for a refresh, and allocates as the in-memory scan does', async () => {
    for (const options of [{ dryRun: true }, { refresh: true }]) {
      const before = gatherer.blockReads();
      const expected = await executeJob(plain, { tests: refs('s'), clock, ...options });
      const actual = await executeJob(gatherer.store, { tests: refs('s'), clock, ...options });
      expect(outcome(actual)).toEqual(outcome(expected));
      expect(actual.forecast).toEqual(expected.forecast);
      expect(gatherer.blockReads() - before).toBeGreaterThan(0);
    }
  });

  it('reads the block when a find is left to the engine', async () => {
    const store = new Proxy(gatherer.store, {
      get(target, name, receiver) {
        if (name !== 'gatherCandidates') return Reflect.get(target, name, receiver);
        const gather = target.gatherCandidates?.bind(target);
        return async (workspace: string, queries: readonly CandidateQuery[]) => {
          const answers = (await gather?.(workspace, queries)) ?? [];
          return answers.map((answer, i) => (i === 0 ? undefined : answer));
        };
      },
    });
    const expected = await executeJob(plain, { tests: refs('s'), clock });
    const actual = await executeJob(store, { tests: refs('s'), clock });
    expect(outcome(actual)).toEqual(outcome(expected));
    expect(gatherer.blockReads()).toBeGreaterThan(0);
  });

  it('asks each find for its own share first, and asks again when the matching needs more', async () => {
    // 70 gold rows, then one silver: the gold tests need every gold row, so the test that takes
    // any row must get the silver one, past the first 66 rows its find is asked for.
    const rows: RowValues[] = [
      ...Array.from({ length: 70 }, (_, i) => [`g${i}`, 'active', 'gold', '1']),
      ['s0', 'active', 'silver', '1'],
    ];
    const tests = [
      spec('any', { status: 'active' }),
      ...Array.from({ length: 70 }, (_, i) => spec(`gold ${i}`, { tier: 'gold' })),
    ];
    const limits: Array<Record<string, number | undefined>> = [];
    const reports: JobReport[] = [];
    for (const base of [await openMemoryStore(), gathering(await openMemoryStore()).store]) {
      const gather = base.gatherCandidates?.bind(base);
      const store =
        gather === undefined
          ? base
          : new Proxy(base, {
              get(target, name, receiver) {
                if (name !== 'gatherCandidates') return Reflect.get(target, name, receiver);
                return (workspace: string, queries: readonly CandidateQuery[]) => {
                  limits.push(
                    Object.fromEntries(queries.map((q) => [JSON.stringify(q.where), q.limit])),
                  );
                  return gather(workspace, queries);
                };
              },
            });
      await store.addBlockVersion(WS, {
        block: 'customers',
        columns: ['id', 'status', 'tier', 'balance'],
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
      reports.push(await executeJob(store, { tests: refs('s', tests), clock }));
    }
    const [scanned, inStore] = reports as [JobReport, JobReport];
    expect(outcome(inStore)).toEqual(outcome(scanned));
    expect(inStore.allocated).toBe(71);
    expect(inStore.tests.find((t) => t.test === 'any')?.values).toEqual([
      expect.objectContaining({ id: 's0' }),
    ]);
    // First its own share (twice its demand and a margin), then the bundle's whole demand.
    expect(limits).toEqual([
      { '{"status":"active"}': 66, '{"tier":"gold"}': 71 },
      { '{"status":"active"}': 71 },
    ]);
  });
});
