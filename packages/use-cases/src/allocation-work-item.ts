import type { JobRecord, JobStateRecord, QueuedJob, QueuedJobState } from '@allot/core';
import { STALE_AFTER_MS } from './job-heartbeat.js';

/** The `kind` allocation jobs carry in the work view, beside the queue's own kinds. */
export const ALLOCATION_WORK_KIND = 'allocation';

/**
 * An allocation job in the shape of a queued job, so one view lists both:
 * its state (queued, running, completed, failed), the engine's progress,
 * and once committed its counts as the result. A job that committed ran to
 * the end, so it is `completed` even when some of its tests got no rows
 * (its `failed` count says how many), as `job.completed` records it.
 */
export function allocationWorkItem(
  state: JobStateRecord | undefined,
  record: JobRecord | undefined,
  now: Date,
): QueuedJob {
  const id = state?.id ?? record?.id ?? 0;
  const createdAt = state?.createdAt ?? record?.createdAt ?? now.toISOString();
  const updatedAt = state?.updatedAt ?? record?.createdAt ?? createdAt;
  const phase = phaseOf(state, record, now);
  const finished = phase === 'completed' || phase === 'failed';
  return {
    id: String(id),
    workspace: state?.workspace ?? record?.workspace ?? '',
    kind: ALLOCATION_WORK_KIND,
    payload: {
      server: state?.server ?? null,
      tests: state?.tests ?? record?.tests.length ?? 0,
      createdUser: state?.createdUser ?? null,
    },
    state: phase,
    progress:
      state?.progress == null
        ? null
        : {
            done: state.progress.done,
            total: state.progress.total,
            message: state.progress.phase,
          },
    result:
      record === undefined
        ? null
        : {
            job: record.id,
            allocated: record.allocated,
            made: record.made,
            reused: record.cached,
            failed: record.failed,
            expiresAt: record.expiresAt,
            releasedAt: record.releasedAt,
          },
    error:
      phase !== 'failed'
        ? null
        : (state?.error ?? {
            code: 'WORKER_LOST',
            message: 'the server running this job stopped before the job finished',
          }),
    attempts: 1,
    maxAttempts: 1,
    createdAt,
    startedAt: state?.phase === 'queued' ? null : createdAt,
    finishedAt: finished ? updatedAt : null,
    updatedAt,
  };
}

function phaseOf(
  state: JobStateRecord | undefined,
  record: JobRecord | undefined,
  now: Date,
): QueuedJobState {
  if (state === undefined || state.phase === 'done') return 'completed';
  if (state.phase === 'error') return 'failed';
  if (now.getTime() - Date.parse(state.updatedAt) > STALE_AFTER_MS)
    return record === undefined ? 'failed' : 'completed';
  return state.phase;
}
