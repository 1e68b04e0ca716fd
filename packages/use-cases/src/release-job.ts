import type { JobStore, LifecycleStore, ReleaseOutcome } from '@allot/core';
import { isLifecycleStore } from './execute-bundle.js';
import { trackJob } from './track-job.js';

/** What releasing a job did. */
export type JobRelease =
  /** The job has not finished: nothing was released. */
  | { kind: 'running'; id: number }
  /** The job ended without committing (it failed before): there was nothing to release. */
  | { kind: 'nothing'; id: number }
  /**
   * The leases of `jobId` ended: the job itself, or the earlier job that
   * answered it. `teardowns` made rows became due for teardown.
   */
  | { kind: 'released'; jobId: number; outcome: ReleaseOutcome; teardowns: number };

/**
 * Ends the leases of job `id` (consumed rows stay consumed). A job answered
 * by an earlier live job releases that job, since it holds the rows. Made
 * rows of the job with a teardown become due: a worker tears them down.
 * `NOT_FOUND` when the workspace has no such job.
 */
export async function releaseJob(
  store: JobStore & Partial<LifecycleStore>,
  workspace: string,
  id: number,
  now: Date,
): Promise<JobRelease> {
  const status = await trackJob(store, workspace, id, now);
  if (status.state === 'running') return { kind: 'running', id: status.id };
  if (status.answeredBy === null) return { kind: 'nothing', id: status.id };
  const outcome = await store.releaseJob(workspace, status.answeredBy, now);
  const due = isLifecycleStore(store)
    ? await store.dueMadeRows(workspace, status.answeredBy, null, now)
    : [];
  return { kind: 'released', jobId: status.answeredBy, outcome, teardowns: due.length };
}
