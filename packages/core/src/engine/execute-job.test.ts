import { beforeEach, describe, expect, it } from 'vitest';
import type { TestRef } from '../model/job-record.js';
import type { AllocationTest, PoolDefinition } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import type { Store } from '../store/store.js';
import { executeJob } from './execute-job.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const clock = () => T0;

function spec(
  suite: string,
  test: string,
  where: AllocationTest['find']['where'],
  extra: Partial<AllocationTest> = {},
): AllocationTest {
  return { suite, test, find: { where }, count: 1, consume: false, readOnly: false, ...extra };
}

async function setup(
  tests: AllocationTest[],
  rows: Array<[string, string, string]>,
): Promise<Store> {
  const store = await openMemoryStore();
  await store.addBlockVersion('default', {
    block: 'customers',
    columns: ['id', 'status', 'tier'],
    keyColumn: 'id',
    rows,
    origin: 'import',
  });
  const pool: PoolDefinition = {
    name: 'shop',
    key: 'id',
    blocks: [{ name: 'customers' }],
    secrets: ['tier'],
    tests,
  };
  await store.putPool('default', pool);
  return store;
}

const refs = (tests: AllocationTest[]): TestRef[] =>
  tests.map((t) => ({ pool: 'shop', suite: t.suite, test: t.test }));
const ids = (report: Awaited<ReturnType<typeof executeJob>>, test: string) =>
  report.tests.find((t) => t.test === test)?.values.map((v) => v['id']);

describe('executeJob', () => {
  let store: Store;
  const rows: Array<[string, string, string]> = [
    ['c1', 'active', 'gold'],
    ['c2', 'active', 'silver'],
    ['c3', 'locked', 'gold'],
  ];

  beforeEach(async () => {
    store = await setup([], rows);
  });

  it('matches where greedy would fail: A accepts {c1, c2}, B only c1', async () => {
    const tests = [
      spec('s', 'A', { status: 'active' }),
      spec('s', 'B', { status: 'active', tier: 'gold' }),
    ];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report).toMatchObject({ state: 'complete', allocated: 2, failed: 0 });
    expect(ids(report, 'A')).toEqual(['c2']);
    expect(ids(report, 'B')).toEqual(['c1']);
  });

  it('gives a test needing n rows n distinct rows, and returns only the asked columns', async () => {
    const tests = [spec('s', 'two', {}, { count: 2, columns: ['id'] })];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report.tests[0]?.values).toEqual([{ id: 'c1' }, { id: 'c2' }]);
  });

  it('explains a failure: demand, qualifying rows and who holds them', async () => {
    const tests = [
      spec('s', 'gold1', { tier: 'gold' }),
      spec('s', 'gold2', { tier: 'gold' }),
      spec('t', 'gold3', { tier: 'gold' }),
    ];
    store = await setup(tests, rows);
    const first = await executeJob(store, { tests: refs(tests).slice(0, 1), clock });
    const second = await executeJob(store, { tests: refs(tests).slice(1), clock });
    expect(second).toMatchObject({ allocated: 1, failed: 1, state: 'failed' });
    const reason = second.tests.find((t) => t.status === 'failed')?.reason ?? '';
    expect(reason).toContain('tier = gold');
    expect(reason).toContain('2 rows qualify');
    expect(reason).toContain(`1 leased by job ${first.jobId}`);
  });

  it('returns the cached job when the same bundle runs again, and new rows on refresh', async () => {
    const tests = [spec('s', 'a', { status: 'active' })];
    store = await setup(tests, rows);
    const first = await executeJob(store, { tests: refs(tests), clock });
    const again = await executeJob(store, { tests: refs(tests), clock });
    expect(again).toMatchObject({ jobId: first.jobId, cached: true });
    expect(ids(again, 'a')).toEqual(ids(first, 'a'));
    const refreshed = await executeJob(store, { tests: refs(tests), clock, refresh: true });
    expect(refreshed.jobId).not.toBe(first.jobId);
    expect(refreshed.cached).toBe(false);
    const claims = await store.claimState('default', ['customers'], T0);
    expect(claims.leases.size).toBe(1);
  });

  it('runs a bundle again when its live job left tests without rows, keeping the rows it gave', async () => {
    const tests = [spec('s', 'gold', { tier: 'gold' }), spec('s', 'locked', { status: 'locked' })];
    const hold = spec('t', 'hold', { status: 'locked' });
    store = await setup([...tests, hold], rows);
    const blocker = await executeJob(store, { tests: refs([hold]), clock });
    const first = await executeJob(store, { tests: refs(tests), clock });
    expect(first).toMatchObject({ failed: 1, state: 'failed' });
    const gold = ids(first, 'gold');
    await store.releaseJob('default', blocker.jobId as number, T0);

    const again = await executeJob(store, { tests: refs(tests), clock });
    expect(again).toMatchObject({ cached: false, failed: 0, reused: 1, allocated: 1 });
    expect(again.jobId).not.toBe(first.jobId);
    expect(again.tests.find((t) => t.test === 'gold')).toMatchObject({ status: 'cached' });
    expect(ids(again, 'gold')).toEqual(gold);
    expect(ids(again, 'locked')).toEqual(['c3']);
    // Complete now: the next run of the same bundle is answered by this job.
    expect(await executeJob(store, { tests: refs(tests), clock })).toMatchObject({
      jobId: again.jobId,
      cached: true,
    });
  });

  it('reuses a live result of a test inside a new bundle instead of taking new rows', async () => {
    const tests = [spec('s', 'a', { status: 'active' }), spec('s', 'b', { status: 'active' })];
    store = await setup(tests, rows);
    const first = await executeJob(store, { tests: refs(tests).slice(0, 1), clock });
    const both = await executeJob(store, { tests: refs(tests), clock });
    expect(both.tests.find((t) => t.test === 'a')).toMatchObject({
      status: 'cached',
      values: first.tests[0]?.values,
    });
    expect(both).toMatchObject({ allocated: 1, reused: 1 });
  });

  it('lets read-only tests share rows while a writing test gets its own', async () => {
    const tests = [
      spec('s', 'browse1', { tier: 'gold' }, { readOnly: true }),
      spec('s', 'browse2', { tier: 'gold' }, { readOnly: true }),
      spec('s', 'write', { tier: 'gold' }),
    ];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report.failed).toBe(0);
    expect(ids(report, 'browse1')).toEqual(ids(report, 'browse2'));
    expect(ids(report, 'write')).not.toEqual(ids(report, 'browse1'));
  });

  it('makes rows when nothing qualifies, joining the block as a new version', async () => {
    const make = {
      columns: { id: { sequence: { prefix: 'n', pad: 3 } }, status: 'new', tier: 'bronze' },
    };
    const tests = [spec('s', 'fresh', { status: 'new' }, { make, count: 2 })];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report).toMatchObject({ made: 1, failed: 0 });
    expect(ids(report, 'fresh')).toEqual(['n001', 'n002']);
    const block = await store.getBlock('default', 'customers');
    expect(block).toMatchObject({ version: '1.1', rowCount: 5, origin: 'make' });
  });

  it('fails a make whose rows would not satisfy the find', async () => {
    const make = {
      columns: { id: { sequence: { prefix: 'n' } }, status: 'active', tier: 'bronze' },
    };
    const tests = [spec('s', 'fresh', { status: 'new' }, { make })];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report.tests[0]?.reason).toContain('does not satisfy the find');
  });

  it('frees rows when the lease expires, and never gives consumed rows back', async () => {
    const tests = [
      spec('s', 'eat', { status: 'locked' }, { consume: true }),
      spec('s', 'use', { tier: 'silver' }),
    ];
    store = await setup(tests, rows);
    const first = await executeJob(store, { tests: refs(tests), clock, ttlSeconds: 60 });
    expect(first.failed).toBe(0);
    const later = () => new Date(T0.getTime() + 61_000);
    const second = await executeJob(store, { tests: refs(tests), clock: later });
    expect(second.jobId).not.toBe(first.jobId);
    expect(ids(second, 'use')).toEqual(['c2']);
    expect(second.tests.find((t) => t.test === 'eat')?.status).toBe('failed');
  });

  it('names the unknown pool, suite or test', async () => {
    const tests = [spec('s', 'a', {})];
    store = await setup(tests, rows);
    const report = await executeJob(store, {
      tests: [
        { pool: 'nope', suite: 's', test: 'a' },
        { pool: 'shop', suite: 'x', test: 'a' },
        { pool: 'shop', suite: 's', test: 'zz' },
      ],
      clock,
    });
    expect(report.tests.map((t) => t.reason)).toEqual([
      'pool "nope" does not exist (known pools: shop)',
      'pool "shop" has no suite "x" (suites: s)',
      'suite "s" of pool "shop" has no test "zz" (tests: a)',
    ]);
  });

  it('fails only the tests whose find names an unknown column', async () => {
    const tests = [spec('s', 'bad', { colour: 'red' }), spec('s', 'good', {})];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock });
    expect(report.tests[0]?.reason).toMatch(/unknown column "colour".*id, status, tier/);
    expect(report.tests[1]?.status).toBe('allocated');
  });

  it('dry-runs: forecasts demand and supply and commits nothing', async () => {
    const tests = [
      spec('s', 'g1', { tier: 'gold' }),
      spec('s', 'g2', { tier: 'gold' }),
      spec('s', 'g3', { tier: 'gold' }),
    ];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, jobId: null, allocated: 2, failed: 1 });
    expect(report.forecast).toEqual([
      expect.objectContaining({
        find: 'tier = gold',
        tests: 3,
        demand: 3,
        qualifying: 2,
        free: 2,
        matched: 2,
        makes: 0,
        short: 1,
      }),
    ]);
    expect(await store.listJobs('default', { limit: 10, offset: 0 })).toEqual([]);
  });

  it('dry-runs: counts the rows of each find that leases hold and tests consumed, and names its tests', async () => {
    const tests = [
      spec('s', 'holds', { status: 'active', tier: 'gold' }),
      spec('s', 'eats', { status: 'active', tier: 'silver' }, { consume: true }),
      spec('s', 'a1', { status: 'active' }),
      spec('s', 'a2', { status: 'active' }),
    ];
    store = await setup(tests, rows);
    await executeJob(store, { tests: refs(tests).slice(0, 2), clock });
    const report = await executeJob(store, { tests: refs(tests).slice(2), clock, dryRun: true });
    expect(report.forecast).toEqual([
      expect.objectContaining({
        find: 'status = active',
        qualifying: 2,
        leased: 1,
        consumed: 1,
        free: 0,
        refs: [
          { pool: 'shop', suite: 's', test: 'a1' },
          { pool: 'shop', suite: 's', test: 'a2' },
        ],
      }),
    ]);
  });

  it('dry-runs: a read-only find counts rows read-only leases share as free, exclusive ones as leased', async () => {
    const tests = [
      spec('s', 'reads', { tier: 'gold' }, { readOnly: true }),
      spec('s', 'owns', { tier: 'silver' }),
      spec('s', 'browse', {}, { readOnly: true }),
    ];
    store = await setup(tests, rows);
    await executeJob(store, { tests: refs(tests).slice(0, 2), clock });
    const report = await executeJob(store, { tests: refs(tests).slice(2), clock, dryRun: true });
    expect(report.forecast).toEqual([
      expect.objectContaining({ find: 'any row', qualifying: 3, leased: 1, consumed: 0, free: 2 }),
    ]);
  });

  it('dry-runs: with nothing held, every qualifying row is free', async () => {
    const tests = [spec('s', 'gold', { tier: 'gold' }), spec('s', 'locked', { status: 'locked' })];
    store = await setup(tests, rows);
    const report = await executeJob(store, { tests: refs(tests), clock, dryRun: true });
    expect(report.forecast.map((f) => [f.find, f.qualifying, f.free, f.leased])).toEqual([
      ['tier = gold', 2, 2, 0],
      ['status = locked', 1, 1, 0],
    ]);
  });

  it('is deterministic for the same input', async () => {
    const tests = Array.from({ length: 6 }, (_, i) =>
      spec('s', `t${i}`, i % 2 ? { status: 'active' } : {}),
    );
    const many: Array<[string, string, string]> = Array.from({ length: 20 }, (_, i) => [
      `r${i}`,
      i % 3 ? 'active' : 'locked',
      'gold',
    ]);
    const a = await executeJob(await setup(tests, many), {
      tests: refs(tests),
      clock,
      namespace: 'n',
    });
    const b = await executeJob(await setup(tests, many), {
      tests: refs(tests),
      clock,
      namespace: 'n',
    });
    expect(a.tests).toEqual(b.tests);
  });

  it('reports progress through its phases', async () => {
    const tests = [spec('s', 'a', {})];
    store = await setup(tests, rows);
    const phases: string[] = [];
    await executeJob(store, { tests: refs(tests), clock, onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('resolve');
    expect(phases.at(-1)).toBe('done');
    expect(phases).toContain('matching');
  });
});
