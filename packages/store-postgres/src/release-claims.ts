import {
  noAllocationError,
  tallyRelease,
  unknownJobError,
  type EndedTest,
  type ReleaseOutcome,
  type TestRef,
} from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

/** A test a release ended, or one row with nulls when it ended none. */
interface ReleaseRow {
  found: number;
  consume: boolean | null;
  rows: number | null;
}

/** Ends the leases of a job in one statement (consumed rows stay consumed); NOT_FOUND for an unknown job. */
export async function releaseJob(
  db: PoolQueries,
  workspace: string,
  id: number,
  now: Date,
): Promise<ReleaseOutcome> {
  const result = await db.query<ReleaseRow>('release a job', 'release-job', { workspace, id, now });
  if ((result.rows[0]?.found ?? 0) === 0) throw unknownJobError(id);
  return tallyRelease(endedTests(result.rows));
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
  if ((result.rows[0]?.found ?? 0) === 0) throw noAllocationError(ref);
  return tallyRelease(endedTests(result.rows));
}

function endedTests(rows: readonly ReleaseRow[]): EndedTest[] {
  return rows.flatMap((row) =>
    row.consume === null || row.rows === null ? [] : [{ consume: row.consume, rows: row.rows }],
  );
}
