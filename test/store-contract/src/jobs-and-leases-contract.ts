import { describe, beforeEach, expect, it } from 'vitest';
import { AllotError, executeJob, LeaseConflictError, rowId, testId, type Store } from '@allot/core';
import { commit, customers, exclusiveHolders, later, T0, test, WS } from './contract-fixtures.js';
import { describeHoldingTests } from './holding-tests.js';
import { describeJobStateContract } from './job-state-contract.js';
import { describeResultRaces } from './result-races.js';

/** The jobs and leases slice: commits, leases, results, releases and job states. */
export function describeJobsAndLeasesContract(current: () => Store): void {
  describe('jobs and leases', () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it('commits a job with its leases and results, readable afterwards', async () => {
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      const job = await store.commitJob(commit(id, [test('a', ['c1']), test('b', ['c2'])]), T0);
      expect(job).toMatchObject({ id, state: 'complete', allocated: 2, failed: 0 });
      expect(await store.getJob(WS, id)).toEqual(job);
      expect(await store.getResult(WS, { pool: 'shop', suite: 's', test: 'a' })).toMatchObject({
        jobId: id,
        rows: [{ id: 'c1' }],
      });
      expect((await store.listResults(WS, { pool: 'shop' })).map((r) => r.test)).toEqual([
        'a',
        'b',
      ]);
      const many = await store.getResults(WS, [
        { pool: 'shop', suite: 's', test: 'b' },
        { pool: 'shop', suite: 's', test: 'missing' },
        { pool: 'shop', suite: 's', test: 'a' },
      ]);
      expect([...many.values()].map((r) => r.test).sort()).toEqual(['a', 'b']);
      expect(many.get(testId({ pool: 'shop', suite: 's', test: 'a' }))?.rows).toEqual([
        { id: 'c1' },
      ]);
      expect(await store.getResults(WS, [])).toEqual(new Map());
      expect(await store.findLiveJob(WS, `bundle-${id}`, T0)).toMatchObject({ id });
      const held = await exclusiveHolders(store, ['customers'], T0);
      expect(held.get(rowId('customers', 'c1'))).toEqual([id]);
    });

    it('refuses a commit whose rows another live job holds, and leaves nothing behind', async () => {
      await store.addBlockVersion(WS, customers);
      const first = await store.reserveJobId(WS);
      await store.commitJob(commit(first, [test('a', ['c1'])]), T0);
      const second = await store.reserveJobId(WS);
      const conflicting = commit(second, [test('b', ['c2']), test('c', ['c1'])], {
        madeRows: [{ ...customers, rows: [['c9', 'new', 'gold']], origin: 'make' }],
      });
      await expect(store.commitJob(conflicting, T0)).rejects.toBeInstanceOf(LeaseConflictError);
      expect(await store.getJob(WS, second)).toBeUndefined();
      expect(await store.getResult(WS, { pool: 'shop', suite: 's', test: 'b' })).toBeUndefined();
      expect((await store.listBlockVersions(WS, 'customers')).map((v) => v.version)).toEqual([
        '1.0',
      ]);
      expect((await exclusiveHolders(store, ['customers'], T0)).has(rowId('customers', 'c2'))).toBe(
        false,
      );
    });

    it('refuses made rows that repeat a key, and leaves nothing behind', async () => {
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      const duplicate = commit(id, [test('m', ['c1'], { status: 'made' })], {
        madeRows: [{ ...customers, rows: [['c1', 'new', 'gold']], origin: 'make' }],
      });
      await expect(store.commitJob(duplicate, T0)).rejects.toMatchObject({ code: 'DUPLICATE_KEY' });
      expect(await store.getJob(WS, id)).toBeUndefined();
      expect((await store.getBlock(WS, 'customers'))?.version).toBe('1.0');
    });

    it('appends made rows as a new version and leases them', async () => {
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      await store.commitJob(
        commit(id, [test('m', ['c9'], { status: 'made' })], {
          madeRows: [{ ...customers, rows: [['c9', 'new', 'gold']], origin: 'make', jobId: id }],
        }),
        T0,
      );
      const block = await store.getBlock(WS, 'customers');
      expect(block).toMatchObject({ version: '1.1', origin: 'make', parent: '1.0', rowCount: 5 });
      expect(block?.rows.at(-1)).toEqual(['c9', 'new', 'gold']);
      expect(
        (await exclusiveHolders(store, ['customers'], T0)).get(rowId('customers', 'c9')),
      ).toEqual([id]);
    });

    it('lets read-only tests share rows, but not with exclusive ones', async () => {
      await store.addBlockVersion(WS, customers);
      const reader = await store.reserveJobId(WS);
      await store.commitJob(
        commit(reader, [
          test('r1', ['c1'], { readOnly: true }),
          test('r2', ['c1'], { readOnly: true }),
        ]),
        T0,
      );
      const other = await store.reserveJobId(WS);
      await store.commitJob(commit(other, [test('r3', ['c1'], { readOnly: true })]), T0);
      const writer = await store.reserveJobId(WS);
      await expect(store.commitJob(commit(writer, [test('w', ['c1'])]), T0)).rejects.toBeInstanceOf(
        LeaseConflictError,
      );
      const mixed = await store.reserveJobId(WS);
      await expect(
        store.commitJob(
          commit(mixed, [test('w2', ['c2']), test('r4', ['c2'], { readOnly: true })]),
          T0,
        ),
      ).rejects.toBeInstanceOf(LeaseConflictError);
    });

    it('frees rows on release and on expiry, but never consumed rows', async () => {
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      await store.commitJob(
        commit(id, [test('keep', ['c1']), test('eat', ['c2'], { consume: true })]),
        T0,
      );
      expect(await store.releaseJob(WS, id, later(10))).toEqual({ released: 1, consumed: 1 });
      const claims = await store.claimState(WS, ['customers'], later(10));
      expect(claims.leases.size).toBe(0);
      expect(claims.consumed.get(rowId('customers', 'c2'))).toBe(id);
      expect(await store.findLiveJob(WS, `bundle-${id}`, later(10))).toBeUndefined();

      const next = await store.reserveJobId(WS);
      await store.commitJob(
        commit(next, [test('again', ['c1'])], {
          createdAt: later(20).toISOString(),
          expiresAt: later(60).toISOString(),
        }),
        later(20),
      );
      expect((await store.claimState(WS, ['customers'], later(59))).leases.size).toBe(1);
      expect((await store.claimState(WS, ['customers'], later(61))).leases.size).toBe(0);
      await expect(
        store.commitJob(commit(await store.reserveJobId(WS), [test('late', ['c2'])]), later(70)),
      ).rejects.toBeInstanceOf(LeaseConflictError);
    });

    it('releases one test of a job', async () => {
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      await store.commitJob(commit(id, [test('a', ['c1']), test('b', ['c2'])]), T0);
      expect(await store.releaseTest(WS, { pool: 'shop', suite: 's', test: 'a' }, T0)).toEqual({
        released: 1,
        consumed: 0,
      });
      const held = await exclusiveHolders(store, ['customers'], T0);
      expect([...held.keys()]).toEqual([rowId('customers', 'c2')]);
      await expect(
        store.releaseTest(WS, { pool: 'shop', suite: 's', test: 'zzz' }, T0),
      ).rejects.toBeInstanceOf(AllotError);
      await expect(store.releaseJob(WS, 999_999, T0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('ends the leases of superseded tests in the same commit (refresh)', async () => {
      await store.addBlockVersion(WS, customers);
      const first = await store.reserveJobId(WS);
      await store.commitJob(commit(first, [test('a', ['c1'])]), T0);
      const second = await store.reserveJobId(WS);
      await store.commitJob(
        commit(second, [test('a', ['c1'])], {
          supersedes: [{ pool: 'shop', suite: 's', test: 'a' }],
        }),
        T0,
      );
      expect(
        (await exclusiveHolders(store, ['customers'], T0)).get(rowId('customers', 'c1')),
      ).toEqual([second]);
      expect((await store.getResult(WS, { pool: 'shop', suite: 's', test: 'a' }))?.jobId).toBe(
        second,
      );
    });

    it('runs 50 concurrent jobs over overlapping rows without a row in two live leases', async () => {
      const rows = Array.from({ length: 120 }, (_, i) => [
        `r${i}`,
        i % 3 === 0 ? 'locked' : 'active',
        i % 2 ? 'gold' : 'silver',
      ]);
      await store.addBlockVersion(WS, { ...customers, rows });
      const tests = Array.from({ length: 50 }, (_, j) =>
        Array.from({ length: 3 }, (_, k) => ({
          suite: `suite-${j}`,
          test: `t${k}`,
          find: { where: k === 0 ? { status: 'active' } : k === 1 ? { tier: 'gold' } : {} },
          count: 1,
          consume: false,
          readOnly: false,
        })),
      ).flat();
      await store.putPool(WS, {
        name: 'shop',
        key: 'id',
        blocks: [{ name: 'customers' }],
        secrets: [],
        tests,
      });
      const reports = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          executeJob(store, {
            workspace: WS,
            tests: [0, 1, 2].map((k) => ({ pool: 'shop', suite: `suite-${j}`, test: `t${k}` })),
            clock: () => T0,
          }),
        ),
      );
      const holders = await exclusiveHolders(store, ['customers'], T0);
      for (const [id, jobs] of holders) expect(jobs, `row ${id}`).toHaveLength(1);
      const leased = reports.flatMap((r) =>
        r.tests.flatMap((t) => t.values.map((v) => String(v['id']))),
      );
      expect(new Set(leased).size).toBe(leased.length);
      const allocated = reports.reduce((sum, r) => sum + r.allocated, 0);
      expect(allocated).toBe(leased.length);
      expect(allocated).toBeGreaterThan(100);
      expect(allocated + reports.reduce((sum, r) => sum + r.failed, 0)).toBe(150);
    });

    describeJobStateContract(() => store);
    describeResultRaces(() => store);
    describeHoldingTests(() => store);
  });
}
