import { describe, expect, it } from 'vitest';
import {
  executeJob,
  LeaseConflictError,
  rowId,
  testId,
  type PoolDefinition,
  type Store,
} from '@allot/core';
import { commit, customers, exclusiveHolders, later, T0, test, WS } from './contract-fixtures.js';

/**
 * Tests of live jobs that hold rows without holding their test's result:
 * their leases would keep rows from everyone until the TTL, for nothing.
 */
export async function orphanedTests(store: Store, now: Date): Promise<string[]> {
  const jobs = await store.listJobs(WS, { limit: 10_000, offset: 0 });
  const orphans: string[] = [];
  for (const job of jobs) {
    if (job.releasedAt !== null || Date.parse(job.expiresAt) <= now.getTime()) continue;
    for (const t of job.tests) {
      if (t.releasedAt !== null || (t.status !== 'allocated' && t.status !== 'made')) continue;
      const result = await store.getResult(WS, t);
      if (result?.jobId !== job.id) orphans.push(`job ${job.id}: ${testId(t)}`);
    }
  }
  return orphans;
}

const SHARED = ['plain', 'closes the account', 'signs up'];

/** Rows for the shared tests and one own test per bundle; the make's find matches nothing. */
const racePool = (bundles: number): PoolDefinition => ({
  name: 'race',
  key: 'id',
  blocks: [{ name: 'customers' }],
  secrets: [],
  tests: [
    {
      suite: 's',
      test: 'plain',
      find: { where: { tier: 'gold' } },
      count: 1,
      consume: false,
      readOnly: false,
    },
    {
      suite: 's',
      test: 'closes the account',
      find: { where: { status: 'active' } },
      count: 1,
      consume: true,
      readOnly: false,
    },
    {
      suite: 's',
      test: 'signs up',
      find: { where: { status: 'new' } },
      make: { columns: { id: 'n-{{run.namespace}}', status: 'new', tier: 'none' } },
      count: 1,
      consume: false,
      readOnly: false,
    },
    ...Array.from({ length: bundles }, (_, i) => ({
      suite: 's',
      test: `own ${i}`,
      find: {},
      count: 1,
      consume: false,
      readOnly: false,
    })),
  ],
});

/**
 * Exactly one live job holds a test's result at a time: a commit that would
 * take a test another live job holds loses, whole, and its job reuses the
 * winner's rows instead.
 */
export function describeResultRaces(current: () => Store): void {
  describe('one holder per test', () => {
    it('refuses a commit that allocates a test another live job holds, and leaves nothing behind', async () => {
      const store = current();
      await store.addBlockVersion(WS, customers);
      const winner = await store.reserveJobId(WS);
      await store.commitJob(commit(winner, [test('a', ['c1'])]), T0);
      const loser = await store.reserveJobId(WS);
      const racing = commit(
        loser,
        [test('a', ['c2'], { consume: true }), test('m', ['c9'], { status: 'made' })],
        { madeRows: [{ ...customers, rows: [['c9', 'new', 'gold']], origin: 'make' }] },
      );
      await expect(store.commitJob(racing, T0)).rejects.toBeInstanceOf(LeaseConflictError);
      expect(await store.getJob(WS, loser)).toBeUndefined();
      expect((await store.getResult(WS, { pool: 'shop', suite: 's', test: 'a' }))?.jobId).toBe(
        winner,
      );
      const claims = await store.claimState(WS, ['customers'], T0);
      expect([...claims.leases.keys()]).toEqual([rowId('customers', 'c1')]);
      expect(claims.consumed.size).toBe(0);
      expect((await store.getBlock(WS, 'customers'))?.version).toBe('1.0');

      // Once the winner's test is released, or its job has expired, the test is free again.
      await store.releaseTest(WS, { pool: 'shop', suite: 's', test: 'a' }, T0);
      await expect(store.commitJob(racing, T0)).resolves.toMatchObject({ id: loser });
      const after = await store.reserveJobId(WS);
      await expect(
        store.commitJob(
          commit(after, [test('m', ['c4'])], {
            createdAt: later(7200).toISOString(),
            expiresAt: later(9000).toISOString(),
          }),
          later(7200),
        ),
      ).resolves.toMatchObject({ id: after });
      expect(await orphanedTests(store, later(7200))).toEqual([]);
    });

    it('runs overlapping bundles at once: one job holds each shared test, nothing consumed or made twice', async () => {
      const store = current();
      const rows = Array.from({ length: 40 }, (_, i) => [
        `r${i}`,
        i % 2 ? 'active' : 'locked',
        i % 4 ? 'silver' : 'gold',
      ]);
      await store.addBlockVersion(WS, { ...customers, rows });
      const bundles = 6;
      await store.putPool(WS, racePool(bundles));
      const reports = await Promise.all(
        Array.from({ length: bundles }, (_, i) =>
          executeJob(store, {
            workspace: WS,
            tests: [...SHARED, `own ${i}`].map((name) => ({
              pool: 'race',
              suite: 's',
              test: name,
            })),
            clock: () => T0,
          }),
        ),
      );
      for (const report of reports) expect(report.failed).toBe(0);
      expect(await orphanedTests(store, T0)).toEqual([]);
      const claims = await store.claimState(WS, ['customers'], T0);
      expect(claims.consumed.size).toBe(1);
      expect((await store.getBlock(WS, 'customers'))?.rows.length).toBe(rows.length + 1);
      const holders = await exclusiveHolders(store, ['customers'], T0);
      expect(holders.size).toBeGreaterThan(0);
      for (const [id, jobs] of holders) expect(jobs, `row ${id}`).toHaveLength(1);
      // Every bundle read the same values for the shared tests.
      for (const name of SHARED) {
        const seen = reports.map((r) =>
          JSON.stringify(r.tests.find((t) => t.test === name)?.values),
        );
        expect(seen, name).not.toContain(undefined);
        expect(new Set(seen).size, name).toBe(1);
      }
    });
  });
}
