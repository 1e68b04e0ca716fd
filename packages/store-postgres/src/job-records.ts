import type { JobRecord, Page } from '@allot/core';
import type { JobsCache } from './jobs-cache.js';
import type { PoolQueries } from './pool-queries.js';

/** The next job id of a workspace: each workspace counts its own (reserve-job-id.sql). */
export async function reserveJobId(db: PoolQueries, workspace: string): Promise<number> {
  const result = await db.query<{ id: number }>('reserve a job id', 'reserve-job-id', {
    workspace,
  });
  return result.rows[0]?.id as number;
}

/** The newest live job of a bundle at `now`, if there is one. */
export async function findLiveJob(
  db: PoolQueries,
  jobs: JobsCache,
  workspace: string,
  bundleKey: string,
  now: Date,
): Promise<JobRecord | undefined> {
  const result = await db.query<{ id: number }>('find a live job', 'find-live-job', {
    workspace,
    bundle_key: bundleKey,
    now,
  });
  const id = result.rows[0]?.id;
  return id === undefined ? undefined : getJob(db, jobs, workspace, id);
}

/**
 * A job record: the kept one when the database confirms its revision (the
 * statement then returns no record), else the record read, kept for next time.
 */
export async function getJob(
  db: PoolQueries,
  jobs: JobsCache,
  workspace: string,
  id: number,
): Promise<JobRecord | undefined> {
  const kept = jobs.get(workspace, id);
  const values = { workspace, id, kept_revision: kept?.revision ?? null };
  const result = await db.query<{ revision: number; record: JobRecord | null }>(
    'read a job',
    'get-job',
    values,
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  if (row.record === null && kept !== undefined) return kept.record;
  if (row.record === null) return undefined;
  jobs.set(workspace, id, row.revision, row.record);
  return row.record;
}

/** A page of a workspace's jobs. */
export async function listJobs(
  db: PoolQueries,
  workspace: string,
  page: Page,
): Promise<JobRecord[]> {
  const result = await db.query<{ record: JobRecord }>('list jobs', 'list-jobs', {
    workspace,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map((row) => row.record);
}
