import type { JobProgress, JobRecord, Store, TestStatus } from '@allot/core';
import { toErrorBody } from '../errors/error-body.js';
import { notFound } from '../errors/http-error.js';
import type { JobRunner, TrackedJob } from './job-runner.js';

/** One test of a job as status readers see it (values come from the results routes). */
export interface JobTestStatus {
  pool: string;
  suite: string;
  test: string;
  status: TestStatus;
  reason: string | null;
  fromJob: number | null;
  releasedAt: string | null;
}

/** A job's state whether it still runs in this process or is committed in the store. */
export interface JobStatus {
  id: number;
  /** The committed job holding the results: differs from `id` when an earlier live job answered the bundle. */
  answeredBy: number | null;
  state: 'running' | 'complete' | 'failed' | 'error';
  /** A running job still waiting for the earlier jobs of its workspace. */
  queued: boolean;
  progress: JobProgress | null;
  /** A line a person can read: progress, counts, or why the job failed. */
  message: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  releasedAt: string | null;
  /** The job's `{{run.namespace}}` (what its makes wrote); null until it has committed. */
  namespace: string | null;
  allocated: number;
  made: number;
  reused: number;
  failed: number;
  tests: JobTestStatus[];
}

/**
 * The status of job `id` in a workspace: a 404 when it is neither tracked nor
 * stored there, so another workspace's job looks exactly like a missing one.
 */
export async function jobStatus(
  store: Store,
  runner: JobRunner,
  workspace: string,
  id: number,
): Promise<JobStatus> {
  const tracked = runner.get(workspace, id);
  if (tracked !== undefined) return trackedStatus(store, tracked);
  const record = await store.getJob(workspace, id);
  if (record === undefined) throw notFound(`job ${id} does not exist`);
  return recordStatus(record, id);
}

/** The status of a tracked job, from the store once it has committed. */
export async function trackedStatus(store: Store, tracked: TrackedJob): Promise<JobStatus> {
  if (tracked.state === 'done' && tracked.answeredBy !== null) {
    const record = await store.getJob(tracked.workspace, tracked.answeredBy);
    if (record !== undefined) return recordStatus(record, tracked.id);
  }
  const base = {
    id: tracked.id,
    answeredBy: null,
    queued: false,
    createdAt: tracked.createdAt,
    updatedAt: tracked.updatedAt,
    expiresAt: null,
    releasedAt: null,
    namespace: null,
    allocated: 0,
    made: 0,
    reused: 0,
    failed: 0,
    tests: [],
  };
  if (tracked.state === 'running') {
    return {
      ...base,
      state: 'running',
      queued: tracked.queued,
      progress: tracked.progress,
      message: tracked.queued
        ? 'queued behind earlier jobs of this workspace'
        : progressLine(tracked.progress),
    };
  }
  const message = tracked.report?.dryRun ? 'dry run' : toErrorBody(tracked.error, '').body.message;
  return { ...base, state: 'error', progress: tracked.progress, message };
}

function recordStatus(record: JobRecord, id: number): JobStatus {
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
    createdAt: record.createdAt,
    updatedAt: record.releasedAt ?? record.createdAt,
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

function progressLine(progress: JobProgress | null): string {
  if (progress === null) return 'starting';
  return `${progress.phase} ${progress.done}/${progress.total}`;
}

/** What vendor clients show when a job ends in `Error`: every failure with its reason. */
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
