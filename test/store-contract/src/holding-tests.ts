import { describe, expect, it } from 'vitest';
import { LeaseConflictError, rowId, type Store } from '@allot/core';
import { commit, customers, T0, test, WS } from './contract-fixtures.js';

const A = { pool: 'shop', suite: 's', test: 'a' };

/**
 * Rules every adapter takes from core rather than writing its own: which of
 * a job's tests holds a test reference's rows when the job lists the test
 * twice, and how a lost race names the tests another job took first.
 */
export function describeHoldingTests(current: () => Store): void {
  describe('which test holds a reference, and how conflicts name tests', () => {
    it('names the tests another live job allocated first as pool / suite / test, once each, sorted', async () => {
      const store = current();
      await store.addBlockVersion(WS, customers);
      const winner = await store.reserveJobId(WS);
      await store.commitJob(commit(winner, [test('b', ['c1']), test('a', ['c2'])]), T0);
      const loser = await store.reserveJobId(WS);
      const racing = commit(loser, [test('b', ['c3']), test('a', ['c4']), test('a', ['c4'])]);
      const error: unknown = await store.commitJob(racing, T0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LeaseConflictError);
      expect((error as LeaseConflictError).details).toEqual({
        rows: [],
        tests: ['shop / s / a', 'shop / s / b'],
      });
    });

    it('releases every test of a job for a reference that still holds rows', async () => {
      const store = current();
      await store.addBlockVersion(WS, customers);
      const id = await store.reserveJobId(WS);
      await store.commitJob(
        commit(id, [
          test('a', ['c1'], { consume: true }),
          test('a', ['c2', 'c3']),
          test('b', ['c4']),
        ]),
        T0,
      );
      expect(await store.releaseTest(WS, A, T0)).toEqual({ released: 2, consumed: 1 });
      const claims = await store.claimState(WS, ['customers'], T0);
      expect([...claims.leases.keys()]).toEqual([rowId('customers', 'c4')]);
      expect(await store.releaseTest(WS, A, T0)).toEqual({ released: 0, consumed: 0 });
    });

    it('ends every test of a job for a reference that a refresh replaces', async () => {
      const store = current();
      await store.addBlockVersion(WS, customers);
      const first = await store.reserveJobId(WS);
      await store.commitJob(commit(first, [test('a', ['c1']), test('a', ['c2'])]), T0);
      const second = await store.reserveJobId(WS);
      await store.commitJob(commit(second, [test('a', ['c1'])], { supersedes: [A] }), T0);
      const claims = await store.claimState(WS, ['customers'], T0);
      expect([...claims.leases.entries()]).toEqual([
        [rowId('customers', 'c1'), [{ jobId: second, shared: false }]],
      ]);
      expect((await store.getResult(WS, A))?.jobId).toBe(second);
    });
  });
}
