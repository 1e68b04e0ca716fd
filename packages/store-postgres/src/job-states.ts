import type { JobStateRecord } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

/** Creates or replaces the state of a running job. */
export async function putJobState(db: PoolQueries, state: JobStateRecord): Promise<void> {
  await db.query('store a job state', 'put-job-state', [
    state.workspace,
    state.id,
    state.phase,
    state.server,
    state.createdUser,
    state.keyId,
    state.tests,
    state.progress === null ? null : JSON.stringify(state.progress),
    state.answeredBy,
    state.error === null ? null : JSON.stringify(state.error),
    state.createdAt,
    state.updatedAt,
  ]);
}

/** The state of a job, if one was stored. */
export async function getJobState(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<JobStateRecord | undefined> {
  const result = await db.query<{ state: JobStateRecord }>('read a job state', 'get-job-state', [
    workspace,
    id,
  ]);
  return result.rows[0]?.state;
}

/** Deletes the finished jobs' states last updated before `before`, in every workspace; how many went. */
export async function pruneJobStates(db: PoolQueries, before: Date): Promise<number> {
  const result = await db.query('prune job states', 'prune-job-states', [before]);
  return result.rowCount ?? 0;
}
