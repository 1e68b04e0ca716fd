import { type JobCommit, type JobTest, type Store } from '@allot/core';

/** What the contract's cases share: a workspace, a clock, a block, and job commits built by hand. */

export const WS = 'contract';
export const T0 = new Date('2030-01-01T00:00:00Z');
export const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export const customers = {
  block: 'customers',
  columns: ['id', 'status', 'tier'],
  keyColumn: 'id',
  rows: [
    ['c1', 'active', 'gold'],
    ['c2', 'active', 'silver'],
    ['c3', 'locked', 'gold'],
    ['c4', 'active', 'gold'],
  ],
  origin: 'import' as const,
};

export function test(name: string, rows: string[], extra: Partial<JobTest> = {}): JobTest {
  return {
    pool: 'shop',
    suite: 's',
    test: name,
    status: 'allocated',
    reason: null,
    rows: rows.map((key) => ({ block: 'customers', key })),
    readOnly: false,
    consume: false,
    fromJob: null,
    releasedAt: null,
    ...extra,
  };
}

export function commit(jobId: number, tests: JobTest[], extra: Partial<JobCommit> = {}): JobCommit {
  return {
    workspace: WS,
    jobId,
    bundleKey: `bundle-${jobId}`,
    namespace: 'ns',
    createdAt: T0.toISOString(),
    expiresAt: later(3600).toISOString(),
    tests,
    results: tests.map((t) => ({
      pool: t.pool,
      suite: t.suite,
      test: t.test,
      jobId,
      columns: ['id'],
      rows: t.rows.map((r) => ({ id: r.key })),
      createdAt: T0.toISOString(),
    })),
    madeRows: [],
    supersedes: [],
    ...extra,
  };
}

/** Every live lease of a store, as row ids held by exclusive tests (each must appear once). */
export async function exclusiveHolders(
  store: Store,
  blocks: string[],
  now: Date,
): Promise<Map<string, number[]>> {
  const claims = await store.claimState(WS, blocks, now);
  const holders = new Map<string, number[]>();
  for (const [id, list] of claims.leases)
    holders.set(
      id,
      list.filter((h) => !h.shared).map((h) => h.jobId),
    );
  return holders;
}
