import { randomBytes } from 'node:crypto';
import { testId, type JobCommit, type JobTest, type Store } from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('live result holders');

const WS = 'w';
const T0 = new Date('2030-01-01T00:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ref = (test: string) => ({ pool: 'shop', suite: 's', test });

function jobTest(test: string, rows: string[], extra: Partial<JobTest> = {}): JobTest {
  return {
    ...ref(test),
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

function commit(jobId: number, tests: JobTest[], ttlSeconds = 3600): JobCommit {
  return {
    workspace: WS,
    jobId,
    bundleKey: `bundle-${jobId}`,
    namespace: 'ns',
    createdAt: T0.toISOString(),
    expiresAt: later(ttlSeconds).toISOString(),
    tests,
    results: tests
      .filter((t) => t.status !== 'failed')
      .map((t) => ({
        ...ref(t.test),
        jobId,
        columns: ['id'],
        rows: t.rows.map((r) => ({ id: r.key })),
        createdAt: T0.toISOString(),
      })),
    madeRows: [],
    supersedes: [],
  };
}

describe('the live jobs holding results, in one statement', () => {
  const schema = `allot_holders_${randomBytes(5).toString('hex')}`;
  let store: Store;

  beforeAll(async () => {
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    await store.addBlockVersion(WS, {
      block: 'customers',
      columns: ['id'],
      keyColumn: 'id',
      rows: Array.from({ length: 9 }, (_, i) => [`c${i}`]),
      origin: 'import',
    });
  });

  afterAll(async () => {
    await store?.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('names a test only while its job is live and its last listing holds rows', async () => {
    const live = await store.reserveJobId(WS);
    await store.commitJob(
      commit(live, [
        jobTest('held', ['c1']),
        jobTest('released', ['c2']),
        // Listed twice: the last listing decides, as core's jobTestIndex does.
        jobTest('last-failed', ['c3']),
        jobTest('last-failed', [], { status: 'failed', reason: 'no rows' }),
        jobTest('last-holds', [], { status: 'failed', reason: 'no rows' }),
        jobTest('last-holds', ['c4']),
        jobTest('failed', [], { status: 'failed', reason: 'no rows' }),
      ]),
      T0,
    );
    await store.releaseTest(WS, ref('released'), T0);
    const ended = await store.reserveJobId(WS);
    await store.commitJob(commit(ended, [jobTest('ended', ['c5'])]), T0);
    await store.releaseJob(WS, ended, T0);
    const expiring = await store.reserveJobId(WS);
    await store.commitJob(commit(expiring, [jobTest('expiring', ['c6'])], 60), T0);

    const names = ['held', 'released', 'last-failed', 'last-holds', 'failed', 'ended', 'expiring'];
    const holders = (now: Date) =>
      store.liveResultHolders?.(WS, [...names, 'unknown'].map(ref), now);
    expect(await holders(T0)).toEqual(
      new Map([
        [testId(ref('held')), live],
        [testId(ref('last-holds')), live],
        [testId(ref('expiring')), expiring],
      ]),
    );
    expect([...((await holders(later(120)))?.values() ?? [])]).toEqual([live, live]);
  });
});
