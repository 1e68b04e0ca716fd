import {
  openMemoryStore,
  openMemoryWorkQueue,
  QuotaGate,
  validatePoolObject,
  type JobProgress,
  type Store,
} from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { executeBundle } from './execute-bundle.js';
import { importBlockVersion } from './import-block-version.js';
import { putPool } from './put-pool.js';
import { queueTeardowns } from './queue-teardowns.js';
import { releaseJob } from './release-job.js';
import { releaseTest } from './release-test.js';
import { runTeardown } from './run-teardown.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const HOUR = { makes: 1, perSeconds: 3600, waitSeconds: 0 };

async function seed(store: Store, make: Record<string, unknown>) {
  await importBlockVersion(store, {
    workspace: 'w',
    block: 'accounts',
    text: 'id,kind\nA-1,plain\n',
    source: 'accounts.csv',
    format: 'csv',
  });
  const test = (name: string) => ({
    suite: 's',
    test: name,
    find: { where: { kind: 'new' } },
    make: { columns: { id: { sequence: { prefix: 'N-' } }, kind: 'new' }, ...make },
  });
  await putPool(
    store,
    'w',
    validatePoolObject(
      { pool: 'p', key: 'id', blocks: ['accounts'], tests: [test('a'), test('b')] },
      null,
    ),
  );
}

const tests = [
  { pool: 'p', suite: 's', test: 'a' },
  { pool: 'p', suite: 's', test: 'b' },
];

describe("made rows' lifecycle on the document store", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });

  it('fails only the tests whose make the quota could not let through in time, saying why', async () => {
    await seed(store, { quota: HOUR });
    const report = await executeBundle(store, {
      workspace: 'w',
      tests,
      clock: () => NOW,
      gate: new QuotaGate(store),
    });
    expect(report.tests.map((t) => t.status)).toEqual(['made', 'failed']);
    expect(report.tests[1]?.reason).toMatch(/quota of the make of p\/s\/b \(1 makes per 3600 s\)/);
  });

  it('makes a job wait for the next window, and its progress says so', async () => {
    await seed(store, { quota: { makes: 1, perSeconds: 1, waitSeconds: 5 } });
    const progress: JobProgress[] = [];
    const report = await executeBundle(store, {
      workspace: 'w',
      tests,
      clock: () => NOW,
      gate: new QuotaGate(store),
      onProgress: (p) => progress.push(p),
    });
    expect(report.tests.map((t) => t.status)).toEqual(['made', 'made']);
    const waits = progress.filter((p) => p.message?.includes('waiting for the quota'));
    expect(waits.length).toBeGreaterThan(0);
  });

  it('tears a released test down once, and the torn-down row never returns to the pool', async () => {
    const teardown = { http: { method: 'DELETE', url: 'https://app.test/accounts/{{row.id}}' } };
    await seed(store, { teardown });
    const report = await executeBundle(store, { workspace: 'w', tests, clock: () => NOW });
    const jobId = report.jobId as number;
    const made = await store.listMadeRows('w', {}, { limit: 10, offset: 0 });
    expect(made.map((row) => [row.state, row.jobId])).toEqual([
      ['held', jobId],
      ['held', jobId],
    ]);

    await releaseTest(store, 'w', tests[0]!, NOW);
    const queue = await openMemoryWorkQueue();
    expect(await queueTeardowns(store, queue, { now: NOW })).toBe(1);
    const urls: string[] = [];
    const [row] = await store.listMadeRows('w', { state: 'queued' }, { limit: 10, offset: 0 });
    const ref = { workspace: 'w', block: row!.block, key: row!.key };
    const execute = async (request: { kind: string; url?: string }) => {
      urls.push(request.url ?? '');
    };
    const options = { clock: () => NOW, env: {} };
    expect((await runTeardown(store, ref, execute, options))?.state).toBe('done');
    expect(await runTeardown(store, ref, execute, options)).toBeUndefined();
    expect(urls).toEqual([`https://app.test/accounts/${encodeURIComponent(row!.key)}`]);
    const claims = await store.claimState('w', ['accounts'], NOW);
    expect(claims.consumed.has(`accounts\u0000${row!.key}`)).toBe(true);

    // The job's release makes the other test's row due; the first is not due again.
    expect(await releaseJob(store, 'w', jobId, NOW)).toMatchObject({ teardowns: 1 });
    await queue.close();
  });
});
