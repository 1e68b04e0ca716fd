import { jobTestIndexes } from '../job-test-index.js';
import type { JobRecord, TestRef } from '../model/job-record.js';
import { holdsRows } from './store-document.js';

/**
 * The tests of a job that hold a test reference's rows: every one of the
 * job's tests with that reference that still holds rows, in order (a job
 * may list a test twice). Releasing the test, refreshing it or allocating
 * it again meets all of them, in every adapter (the PostgreSQL store picks
 * them in its `held-tests` SQL fragment).
 */
export function holdingTestIndexes(job: JobRecord, ref: TestRef): number[] {
  return jobTestIndexes(job, ref).filter((index) => {
    const test = job.tests[index];
    return test !== undefined && holdsRows(test);
  });
}
