import { describe, expect, it } from 'vitest';
import type { Store } from '@allot/core';
import { commit, customers, T0, test, WS } from './contract-fixtures.js';

const OTHER = 'contract-other';

const event = (workspace: string, action: string) => ({
  workspace,
  at: T0.toISOString(),
  actor: 'k1',
  action,
  target: 'job:1',
  details: {},
});

/**
 * Job and audit ids count per workspace (1, 2, 3 …), so that no workspace
 * can read the pace of another's work from them; every lookup by id stays
 * inside its workspace.
 */
export function describeWorkspaceNumbering(current: () => Store): void {
  describe('ids per workspace', () => {
    it('numbers the jobs of each workspace from 1, and finds a job only in its own', async () => {
      const store = current();
      await store.addBlockVersion(WS, customers);
      await store.addBlockVersion(OTHER, customers);
      const first = await store.reserveJobId(WS);
      const second = await store.reserveJobId(WS);
      const other = await store.reserveJobId(OTHER);
      expect([first, second, other]).toEqual([1, 2, 1]);

      await store.commitJob(commit(first, [test('a', ['c1'])]), T0);
      await store.commitJob({ ...commit(other, [test('b', ['c2'])]), workspace: OTHER }, T0);
      expect((await store.getJob(WS, 1))?.tests.map((t) => t.test)).toEqual(['a']);
      expect((await store.getJob(OTHER, 1))?.tests.map((t) => t.test)).toEqual(['b']);
      expect(await store.getJob(OTHER, 2)).toBeUndefined();
      expect((await store.listJobs(OTHER, { limit: 10, offset: 0 })).map((j) => j.id)).toEqual([1]);
      expect((await store.getResult(OTHER, { pool: 'shop', suite: 's', test: 'b' }))?.jobId).toBe(
        1,
      );

      // Releasing job 1 of one workspace leaves job 1 of the other alone.
      expect(await store.releaseJob(OTHER, 1, T0)).toEqual({ released: 1, consumed: 0 });
      expect((await store.getJob(WS, 1))?.releasedAt).toBeNull();
      expect((await store.claimState(WS, ['customers'], T0)).leases.size).toBe(1);
      expect((await store.claimState(OTHER, ['customers'], T0)).leases.size).toBe(0);
      await expect(store.releaseJob(OTHER, 2, T0)).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // A job committed with an id the store did not hand out moves the count past it.
      await store.commitJob(commit(7, [test('c', ['c3'])]), T0);
      expect(await store.reserveJobId(WS)).toBe(8);
      expect(await store.reserveJobId(OTHER)).toBe(2);
    });

    it('numbers the audit events of each workspace from 1', async () => {
      const store = current();
      const ids = [];
      for (const workspace of [WS, OTHER, WS, OTHER, WS])
        ids.push((await store.appendAudit(event(workspace, 'job.execute'))).id);
      expect(ids).toEqual([1, 1, 2, 2, 3]);
      expect((await store.listAudit(OTHER, { limit: 10, offset: 0 })).map((e) => e.id)).toEqual([
        2, 1,
      ]);
    });

    it('never hands out one id twice in a workspace, however many callers ask at once', async () => {
      const store = current();
      const jobs = await Promise.all(Array.from({ length: 40 }, () => store.reserveJobId(WS)));
      expect([...jobs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const events = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.appendAudit(event(WS, `a${i}`))),
      );
      expect(events.map((e) => e.id).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
    });
  });
}
