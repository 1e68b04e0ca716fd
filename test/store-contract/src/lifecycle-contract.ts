import { beforeEach, describe, expect, it } from 'vitest';
import { isAllotError, type LifecycleStore, type NewMadeRow } from '@allot/core';
import { later, T0, WS } from './contract-fixtures.js';

/** A second instance of the store under test on the same storage, closed by the case. */
export type OpenTwin = () => Promise<LifecycleStore & { close(): Promise<void> }>;

function made(key: string, extra: Partial<NewMadeRow> = {}): NewMadeRow {
  return {
    workspace: WS,
    pool: 'shop',
    suite: 's',
    test: 't',
    block: 'customers',
    key,
    columns: ['id'],
    values: [key],
    server: null,
    teardown: { sql: 'DELETE FROM users WHERE id = 1' },
    origin: 'make',
    jobId: null,
    expiresAt: null,
    ...extra,
  };
}

const ref = (key: string, workspace = WS) => ({ workspace, block: 'customers', key });
const keysOf = (rows: ReadonlyArray<{ key: string }>) => rows.map((r) => r.key);
const ALL = { limit: 100, offset: 0 };

/**
 * The made-rows slice: rows recorded once, held by a job, due when it ends
 * or its leases lapse, handed to the work queue oldest due first, each torn
 * down once (a state compared and set, whoever asks at once), and make
 * quotas whose windows every instance on the storage shares. `twin` opens
 * another instance on the same storage where the adapter allows one
 * (PostgreSQL); else the cases share the one instance (memory, and lowdb,
 * whose directory one process holds).
 */
export function describeLifecycleContract(
  current: () => LifecycleStore,
  twin: OpenTwin | undefined,
): void {
  describe('made rows and quotas', () => {
    let store: LifecycleStore;
    /** Runs `use` with a second instance, or the store itself where the adapter has one instance. */
    const withTwin = async (use: (other: LifecycleStore) => Promise<void>) => {
      if (twin === undefined) return use(store);
      const other = await twin();
      try {
        await use(other);
      } finally {
        await other.close();
      }
    };
    beforeEach(() => {
      store = current();
    });

    it('records a row once, held with a teardown and kept without one, newest first', async () => {
      await store.recordMadeRows([made('a'), made('k', { teardown: null })], T0);
      await store.recordMadeRows([made('a', { test: 'other' })], later(5));
      await store.recordMadeRows([made('b')], later(10));
      const rows = await store.listMadeRows(WS, {}, ALL);
      expect(rows.map((r) => [r.key, r.state, r.test, r.attempts])).toEqual([
        ['b', 'held', 't', 0],
        ['k', 'kept', 't', 0],
        ['a', 'held', 't', 0],
      ]);
      expect(keysOf(await store.listMadeRows(WS, { state: 'kept' }, ALL))).toEqual(['k']);
      expect(await store.listMadeRows('other', {}, ALL)).toEqual([]);
    });

    it("makes a job's held rows due when it ends, and lapsed ones when its leases expire", async () => {
      await store.recordMadeRows(
        [made('a'), made('b'), made('c'), made('k', { teardown: null })],
        T0,
      );
      await store.holdMadeRows(WS, 1, [ref('a'), ref('b'), ref('k')], later(60).toISOString(), T0);
      await store.holdMadeRows(WS, 2, [ref('c')], later(30).toISOString(), T0);
      expect(keysOf(await store.dueMadeRows(WS, 2, [ref('a')], later(1)))).toEqual([]);
      expect(keysOf(await store.dueMadeRows(WS, 1, [ref('a')], later(1)))).toEqual(['a']);
      expect(await store.dueExpiredMadeRows(later(29))).toEqual([]);
      expect(keysOf(await store.dueExpiredMadeRows(later(30)))).toEqual(['c']);
      expect(keysOf(await store.dueMadeRows(WS, 1, null, later(31)))).toEqual(['b']);
      // A row without a teardown stays as it is.
      expect((await store.listMadeRows(WS, { state: 'kept' }, ALL))[0]).toMatchObject({
        key: 'k',
        jobId: 1,
      });
    });

    it('hands due rows to the queue oldest due first, across workspaces, each once', async () => {
      const rows = ['r1', 'r2', 'r3', 'r4', 'r5'];
      await store.recordMadeRows(
        [...rows.map((key) => made(key)), made('w1', { workspace: 'other' })],
        T0,
      );
      await store.holdMadeRows(
        WS,
        1,
        rows.map((key) => ref(key)),
        later(600).toISOString(),
        T0,
      );
      await store.holdMadeRows('other', 7, [ref('w1', 'other')], later(600).toISOString(), T0);
      // Due in an order that is neither the keys' nor the recording's.
      const order: Array<[string, string]> = [
        [WS, 'r4'],
        ['other', 'w1'],
        [WS, 'r2'],
        [WS, 'r5'],
        [WS, 'r1'],
        [WS, 'r3'],
      ];
      for (const [i, [workspace, key]] of order.entries())
        await store.dueMadeRows(
          workspace,
          workspace === WS ? 1 : 7,
          [ref(key, workspace)],
          later(i + 1),
        );
      expect(keysOf(await store.queueDueMadeRows(3, later(20)))).toEqual(['r4', 'w1', 'r2']);
      expect(keysOf(await store.queueDueMadeRows(2, later(21)))).toEqual(['r5', 'r1']);
      expect(keysOf(await store.queueDueMadeRows(10, later(22)))).toEqual(['r3']);
      expect(await store.queueDueMadeRows(10, later(23))).toEqual([]);
      expect(await store.listMadeRows(WS, { state: 'queued' }, ALL)).toHaveLength(5);
    });

    it('starts a teardown once however many ask at once, on any instance', async () => {
      await store.recordMadeRows([made('a')], T0);
      await store.holdMadeRows(WS, 1, [ref('a')], later(60).toISOString(), T0);
      // Not due yet: a held row is not torn down.
      expect(await store.startTeardown(ref('a'), T0, later(1))).toBeUndefined();
      await store.dueMadeRows(WS, 1, null, later(2));
      await withTwin(async (other) => {
        const starts = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? store : other).startTeardown(ref('a'), T0, later(3)),
          ),
        );
        const started = starts.filter((s) => s !== undefined);
        expect(started).toHaveLength(1);
        expect(started[0]).toMatchObject({ state: 'running', attempts: 1 });
        const finishes = await Promise.allSettled([
          store.finishTeardown(ref('a'), { ok: false, error: 'HTTP 503' }, later(4)),
          other.finishTeardown(ref('a'), { ok: false, error: 'HTTP 503' }, later(4)),
        ]);
        expect(finishes.filter((f) => f.status === 'fulfilled')).toHaveLength(1);
        const refused = finishes.find((f) => f.status === 'rejected');
        expect(isAllotError(refused?.reason) && refused.reason.code).toBe('INVALID_INPUT');
      });
      const [failed] = await store.listMadeRows(WS, {}, ALL);
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: 'HTTP 503' });
      // A failed row is retried; a running one only once its worker is stale.
      expect(await store.startTeardown(ref('a'), T0, later(5))).toMatchObject({ attempts: 2 });
      expect(await store.startTeardown(ref('a'), later(5), later(6))).toBeUndefined();
      expect(await store.startTeardown(ref('a'), later(6), later(7))).toMatchObject({
        state: 'running',
        attempts: 3,
      });
      const done = await store.finishTeardown(ref('a'), { ok: true }, later(8));
      expect(done).toMatchObject({ state: 'done', lastError: null });
      expect(await store.startTeardown(ref('a'), later(100), later(100))).toBeUndefined();
    });

    it('shares a quota window between instances: a full window grants nothing until the next', async () => {
      const windowMs = 10_000;
      const at = new Date(Math.floor(T0.getTime() / windowMs) * windowMs + 1_000);
      await withTwin(async (other) => {
        const takes = await Promise.all(
          Array.from({ length: 7 }, (_, i) =>
            (i % 2 === 0 ? store : other).takeQuota('server:db', 3, windowMs, at),
          ),
        );
        expect(takes.filter((t) => t.granted)).toHaveLength(3);
        const next = new Date(at.getTime() - 1_000 + windowMs);
        for (const take of takes.filter((t) => !t.granted))
          expect(take).toEqual({ granted: false, retryAt: next });
        expect(await other.takeQuota('server:other', 3, windowMs, at)).toEqual({ granted: true });
        expect(await store.takeQuota('server:db', 3, windowMs, next)).toEqual({ granted: true });
        expect((await other.takeQuota('server:db', 1, windowMs, next)).granted).toBe(false);
      });
    });
  });
}
