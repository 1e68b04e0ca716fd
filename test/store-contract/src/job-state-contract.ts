import { expect, it } from 'vitest';
import type { JobStateRecord, Store } from '@allot/core';

const T0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000).toISOString();

function state(workspace: string, id: number, extra: Partial<JobStateRecord> = {}): JobStateRecord {
  return {
    workspace,
    id,
    phase: 'queued',
    server: 'local',
    createdUser: 'ci',
    keyId: 'k1',
    tests: 3,
    progress: null,
    answeredBy: null,
    error: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  };
}

/**
 * The job-state operations of the contract: a job is readable from the
 * moment it is queued, every write replaces it whole, workspaces stay apart,
 * and only finished states are pruned. `store` is read when each test runs.
 */
export function describeJobStateContract(store: () => Store): void {
  it('keeps a job state from queued to done, each write replacing the last', async () => {
    const s = store();
    const id = await s.reserveJobId('ws');
    expect(await s.getJobState('ws', id)).toBeUndefined();
    await s.putJobState(state('ws', id));
    expect(await s.getJobState('ws', id)).toEqual(state('ws', id));
    const running = state('ws', id, {
      phase: 'running',
      progress: { phase: 'candidates', done: 2, total: 5 },
      updatedAt: at(3),
    });
    await s.putJobState(running);
    expect(await s.getJobState('ws', id)).toEqual(running);
    const done = state('ws', id, { phase: 'done', answeredBy: 7, updatedAt: at(4) });
    await s.putJobState(done);
    expect(await s.getJobState('ws', id)).toEqual(done);
    const failed = state('ws', id + 1, {
      phase: 'error',
      createdUser: null,
      keyId: null,
      error: { code: 'STORE_FAILURE', message: 'the store went away' },
    });
    await s.putJobState(failed);
    expect(await s.getJobState('ws', id + 1)).toEqual(failed);
  });

  it('keeps job states of workspaces apart', async () => {
    const s = store();
    await s.putJobState(state('a', 1, { server: 'appdb' }));
    await s.putJobState(state('b', 1, { server: 'local', phase: 'running' }));
    expect((await s.getJobState('a', 1))?.server).toBe('appdb');
    expect((await s.getJobState('b', 1))?.phase).toBe('running');
    expect(await s.getJobState('c', 1)).toBeUndefined();
    expect(await s.getJobState('a', 2)).toBeUndefined();
  });

  it('lists the job states of a workspace newest first, a page at a time', async () => {
    const s = store();
    for (const id of [3, 1, 12, 2]) await s.putJobState(state('a', id, { updatedAt: at(id) }));
    await s.putJobState(state('b', 7));
    const ids = async (limit: number, offset: number) =>
      (await s.listJobStates('a', { limit, offset })).map((job) => job.id);
    expect(await ids(10, 0)).toEqual([12, 3, 2, 1]);
    expect(await ids(2, 1)).toEqual([3, 2]);
    expect(await ids(5, 4)).toEqual([]);
    expect(await s.listJobStates('a', { limit: 1, offset: 0 })).toEqual([
      state('a', 12, { updatedAt: at(12) }),
    ]);
    expect(await s.listJobStates('c', { limit: 10, offset: 0 })).toEqual([]);
  });

  it('prunes only finished states older than the cut, in every workspace', async () => {
    const s = store();
    await s.putJobState(state('a', 1, { phase: 'done', answeredBy: 1, updatedAt: at(10) }));
    await s.putJobState(state('b', 2, { phase: 'error', updatedAt: at(10) }));
    await s.putJobState(state('a', 3, { phase: 'running', updatedAt: at(10) }));
    await s.putJobState(state('a', 4, { phase: 'done', answeredBy: 4, updatedAt: at(100) }));
    expect(await s.pruneJobStates(new Date(at(50)))).toBe(2);
    expect(await s.getJobState('a', 1)).toBeUndefined();
    expect(await s.getJobState('b', 2)).toBeUndefined();
    expect((await s.getJobState('a', 3))?.phase).toBe('running');
    expect((await s.getJobState('a', 4))?.phase).toBe('done');
    expect(await s.pruneJobStates(new Date(at(50)))).toBe(0);
  });
}
