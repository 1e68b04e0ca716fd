import { AllotError, type ReleaseOutcome, type TestRef } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

interface ReleaseRow {
  found: number;
  released: number;
  consumed: number;
}

/** Ends the leases of a job in one statement (consumed rows stay consumed); NOT_FOUND for an unknown job. */
export async function releaseJob(
  db: PoolQueries,
  workspace: string,
  id: number,
  now: Date,
): Promise<ReleaseOutcome> {
  const result = await db.query<ReleaseRow>('release a job', 'release-job', [workspace, id, now]);
  const row = result.rows[0];
  if (row === undefined || row.found === 0)
    throw new AllotError('NOT_FOUND', `job ${id} does not exist`, { job: id });
  return { released: row.released, consumed: row.consumed };
}

/** Releases the leases of one test in one statement; NOT_FOUND when it holds no allocation. */
export async function releaseTest(
  db: PoolQueries,
  workspace: string,
  ref: TestRef,
  now: Date,
): Promise<ReleaseOutcome> {
  const values = { workspace, pool: ref.pool, suite: ref.suite, test: ref.test, now };
  const result = await db.query<ReleaseRow>('release a test', 'release-test', values);
  const row = result.rows[0];
  if (row === undefined || row.found === 0) {
    throw new AllotError(
      'NOT_FOUND',
      `no allocation for pool "${ref.pool}", suite "${ref.suite}", test "${ref.test}"`,
      { ...ref },
    );
  }
  return { released: row.released, consumed: row.consumed };
}
