import type { JobStateRecord, Page } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

/** Creates or replaces the state of a running job. */
export async function putJobState(db: PoolQueries, state: JobStateRecord): Promise<void> {
  await db.query('store a job state', 'put-job-state', {
    workspace: state.workspace,
    id: state.id,
    phase: state.phase,
    server: state.server,
    created_user: state.createdUser,
    key_id: state.keyId,
    tests: state.tests,
    progress: state.progress === null ? null : JSON.stringify(state.progress),
    answered_by: state.answeredBy,
    error: state.error === null ? null : JSON.stringify(state.error),
    created_at: state.createdAt,
    updated_at: state.updatedAt,
  });
}

/** The state of a job, if one was stored. */
export async function getJobState(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<JobStateRecord | undefined> {
  const result = await db.query<{ state: JobStateRecord }>('read a job state', 'get-job-state', {
    workspace,
    id,
  });
  return result.rows[0]?.state;
}

/** A page of a workspace's job states, newest (highest id) first. */
export async function listJobStates(
  db: PoolQueries,
  workspace: string,
  page: Page,
): Promise<JobStateRecord[]> {
  const result = await db.query<{ state: JobStateRecord }>('list job states', 'list-job-states', {
    workspace,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map((row) => row.state);
}

/** Deletes the finished jobs' states last updated before `before`, in every workspace; how many went. */
export async function pruneJobStates(db: PoolQueries, before: Date): Promise<number> {
  const result = await db.query('prune job states', 'prune-job-states', { before });
  return result.rowCount ?? 0;
}
