import { testId, type JobRecord, type ResultRecord } from '../model/job-record.js';
import type { JobStore, PoolStore } from '../store/store.js';
import type { JobReport, TestOutcome } from './job-report.js';

/**
 * The report of a committed job, with every test's values. `written` are
 * results the caller has just committed with the job: they are what the
 * store holds for those tests, so only the others (tests a live job held
 * before) are read back.
 */
export async function reportJob(
  store: PoolStore & JobStore,
  job: JobRecord,
  cached: boolean,
  written: readonly ResultRecord[] = [],
): Promise<JobReport> {
  const tests: TestOutcome[] = [];
  const pools = new Map<string, string[]>();
  // A commit keeps the last result it is given per test, as the map does.
  const known = new Map(written.map((result) => [testId(result), result]));
  const results = await store.getResults(
    job.workspace,
    job.tests.filter((test) => test.status !== 'failed' && !known.has(testId(test))),
  );
  for (const [id, result] of known) results.set(id, result);
  for (const test of job.tests) {
    if (!pools.has(test.pool))
      pools.set(test.pool, (await store.getPool(job.workspace, test.pool))?.secrets ?? []);
    const result = results.get(testId(test));
    tests.push({
      pool: test.pool,
      suite: test.suite,
      test: test.test,
      status: test.status,
      reason: test.reason,
      values: result?.rows ?? [],
      secrets: pools.get(test.pool) ?? [],
    });
  }
  return {
    jobId: job.id,
    dryRun: false,
    cached,
    state: job.state,
    namespace: job.namespace,
    expiresAt: job.expiresAt,
    allocated: job.allocated,
    made: job.made,
    reused: job.cached,
    failed: job.failed,
    tests,
    forecast: [],
  };
}
