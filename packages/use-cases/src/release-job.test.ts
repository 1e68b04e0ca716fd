import { openMemoryStore, validatePoolObject, type JobStateRecord, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { executeBundle } from './execute-bundle.js';
import { importBlockVersion } from './import-block-version.js';
import { putPool } from './put-pool.js';
import { releaseJob } from './release-job.js';

const NOW = new Date('2030-01-01T00:00:00Z');

function state(id: number, phase: JobStateRecord['phase']): JobStateRecord {
  return {
    workspace: 'w',
    id,
    phase,
    server: 'local',
    createdUser: null,
    keyId: null,
    tests: 1,
    progress: null,
    answeredBy: null,
    error: phase === 'error' ? { code: 'INTERNAL', message: 'it broke' } : null,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

describe('releasing a job', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
  });

  it('ends the leases of a committed job, and of the earlier job that answered a later one', async () => {
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'customers',
      text: 'id,status\nC-1,active\nC-2,active\n',
      source: 'customers.csv',
      format: 'csv',
    });
    const pool = validatePoolObject(
      {
        pool: 'shop',
        key: 'id',
        blocks: ['customers'],
        tests: [{ suite: 's', test: 't', find: { where: { status: 'active' } } }],
      },
      null,
    );
    await putPool(store, 'w', pool);
    const tests = [{ pool: 'shop', suite: 's', test: 't' }];
    const report = await executeBundle(store, { workspace: 'w', tests, clock: () => NOW });
    const jobId = report.jobId as number;
    // A later id answered by the live job releases that job, which holds the rows.
    await store.putJobState({ ...state(jobId + 1, 'done'), answeredBy: jobId });

    expect(await releaseJob(store, 'w', jobId + 1, NOW)).toEqual({
      kind: 'released',
      jobId,
      outcome: { released: 1, consumed: 0 },
      teardowns: 0,
    });
    expect((await store.getJob('w', jobId))?.releasedAt).toBe(NOW.toISOString());
  });

  it('releases nothing while the job runs, or when it ended without committing', async () => {
    await store.putJobState(state(5, 'running'));
    await store.putJobState(state(6, 'error'));
    expect(await releaseJob(store, 'w', 5, NOW)).toEqual({ kind: 'running', id: 5 });
    expect(await releaseJob(store, 'w', 6, NOW)).toEqual({ kind: 'nothing', id: 6 });
  });

  it('is NOT_FOUND for a job the workspace does not have', async () => {
    await expect(releaseJob(store, 'w', 99, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'job 99 does not exist',
    });
  });
});
