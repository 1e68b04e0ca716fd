import {
  AllotError,
  type JobProgress,
  type JobRecord,
  type JobStateRecord,
  type JobStore,
} from '@allot/core';
import type { JobStatus } from '@allot/protocol';
import { STALE_AFTER_MS } from './job-heartbeat.js';

/**
 * Tracks job `id` of a workspace, from the store: its state while it is
 * queued or runs (in this process or another), the committed job once it has
 * finished. `NOT_FOUND` when the workspace has no such job, so another
 * workspace's job looks exactly like a missing one.
 */
export async function trackJob(
  store: JobStore,
  workspace: string,
  id: number,
  now: Date,
): Promise<JobStatus> {
  const state = await store.getJobState(workspace, id);
  if (state !== undefined) return stateStatus(store, state, now);
  // Jobs committed before states were kept, or whose state was pruned.
  const record = await store.getJob(workspace, id);
  if (record === undefined) throw new AllotError('NOT_FOUND', `job ${id} does not exist`);
  return recordStatus(record, id, null);
}

async function stateStatus(store: JobStore, state: JobStateRecord, now: Date): Promise<JobStatus> {
  if (state.phase === 'done' && state.answeredBy !== null) {
    const record = await store.getJob(state.workspace, state.answeredBy);
    if (record !== undefined) return recordStatus(record, state.id, state);
  }
  const base = {
    id: state.id,
    answeredBy: null,
    queued: false,
    progress: state.progress,
    server: state.server,
    createdUser: state.createdUser,
    keyId: state.keyId,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    expiresAt: null,
    releasedAt: null,
    namespace: null,
    allocated: 0,
    made: 0,
    reused: 0,
    failed: 0,
    tests: [],
  };
  if (state.phase === 'queued' || state.phase === 'running') {
    if (now.getTime() - Date.parse(state.updatedAt) > STALE_AFTER_MS) {
      // It may have committed and then lost its last state write.
      const record = await store.getJob(state.workspace, state.id);
      if (record !== undefined) return recordStatus(record, state.id, state);
      return {
        ...base,
        state: 'error',
        message:
          'the server running this job stopped before the job finished: execute the bundle again',
      };
    }
    const queued = state.phase === 'queued';
    return {
      ...base,
      state: 'running',
      queued,
      message: queued
        ? 'queued behind earlier jobs of this workspace'
        : progressLine(state.progress),
    };
  }
  const message =
    state.error?.message ?? `job ${state.answeredBy ?? state.id} is no longer in the store`;
  return { ...base, state: 'error', message };
}

function recordStatus(record: JobRecord, id: number, state: JobStateRecord | null): JobStatus {
  const tests = record.tests.map((t) => ({
    pool: t.pool,
    suite: t.suite,
    test: t.test,
    status: t.status,
    reason: t.reason,
    fromJob: t.fromJob,
    releasedAt: t.releasedAt,
  }));
  return {
    id,
    answeredBy: record.id,
    state: record.failed > 0 ? 'failed' : 'complete',
    queued: false,
    progress: null,
    message: summaryLine(record),
    server: state?.server ?? null,
    createdUser: state?.createdUser ?? null,
    keyId: state?.keyId ?? null,
    // An alias reports the earlier job that answered it, as its id does to Curiosity clients.
    createdAt: state !== null && state.id === record.id ? state.createdAt : record.createdAt,
    updatedAt: latest(record.releasedAt ?? record.createdAt, state?.updatedAt),
    expiresAt: record.expiresAt,
    releasedAt: record.releasedAt,
    namespace: record.namespace,
    allocated: record.allocated,
    made: record.made,
    reused: record.cached,
    failed: record.failed,
    tests,
  };
}

function latest(a: string, b: string | undefined): string {
  return b !== undefined && Date.parse(b) > Date.parse(a) ? b : a;
}

function progressLine(progress: JobProgress | null): string {
  if (progress === null) return 'starting';
  const line = `${progress.phase} ${progress.done}/${progress.total}`;
  return progress.message === undefined ? line : `${line}: ${progress.message}`;
}

/** What Curiosity clients show when a job ends in `Error`: every failure with its reason. */
function summaryLine(record: JobRecord): string {
  const total = record.tests.length;
  if (record.failed === 0) {
    return `${total} test(s): ${record.allocated} allocated, ${record.made} made, ${record.cached} reused`;
  }
  const failures = record.tests
    .filter((t) => t.status === 'failed')
    .map((t) => `${t.pool} / ${t.suite} / ${t.test}: ${t.reason ?? 'no rows were allocated'}`);
  return `${record.failed} of ${total} test(s) failed: ${failures.join('; ')}`;
}
