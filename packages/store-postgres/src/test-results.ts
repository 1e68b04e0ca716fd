import { testId, type ResultRecord, type TestRef } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';
import { resultOf, type ResultRow } from './records.js';

/** The last result of one test. */
export async function getResult(
  db: PoolQueries,
  workspace: string,
  ref: TestRef,
): Promise<ResultRecord | undefined> {
  const result = await db.query<ResultRow>('read a result', 'get-result', {
    workspace,
    pool: ref.pool,
    suite: ref.suite,
    test: ref.test,
  });
  const row = result.rows[0];
  return row === undefined ? undefined : resultOf(row);
}

/** The last results of several tests in one statement, by test id; tests without one are absent. */
export async function getResults(
  db: PoolQueries,
  workspace: string,
  refs: readonly TestRef[],
): Promise<Map<string, ResultRecord>> {
  const found = new Map<string, ResultRecord>();
  if (refs.length === 0) return found;
  const result = await db.query<ResultRow>('read results', 'get-results', {
    workspace,
    pools: refs.map((r) => r.pool),
    suites: refs.map((r) => r.suite),
    tests: refs.map((r) => r.test),
  });
  for (const row of result.rows) {
    const record = resultOf(row);
    found.set(testId(record), record);
  }
  return found;
}

/**
 * Of `refs`, the tests whose result a job live at `now` holds with the
 * test's last listing still holding rows, with the job's id, by test id: one
 * statement that hands over neither results nor job records.
 */
export async function liveResultHolders(
  db: PoolQueries,
  workspace: string,
  refs: readonly TestRef[],
  now: Date,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (refs.length === 0) return found;
  const result = await db.query<TestRef & { job_id: string }>(
    'read live result holders',
    'live-result-holders',
    {
      workspace,
      pools: refs.map((r) => r.pool),
      suites: refs.map((r) => r.suite),
      tests: refs.map((r) => r.test),
      now,
    },
  );
  for (const row of result.rows) found.set(testId(row), Number(row.job_id));
  return found;
}

/** The results of a pool, or of one suite of it. */
export async function listResults(
  db: PoolQueries,
  workspace: string,
  filter: { pool: string; suite?: string },
): Promise<ResultRecord[]> {
  const result = await db.query<ResultRow>('list results', 'list-results', {
    workspace,
    pool: filter.pool,
    suite: filter.suite ?? null,
  });
  return result.rows.map(resultOf);
}
