import { testId, type JobRecord, type TestRef } from './model/job-record.js';

/** Job records are replaced, never changed in place, so an index per record stays valid. */
const indexes = new WeakMap<JobRecord, Map<string, number>>();

/** The position of a test in a job, in constant time (jobs hold thousands of tests). */
export function jobTestIndex(job: JobRecord, ref: TestRef): number {
  let index = indexes.get(job);
  if (index === undefined) {
    index = new Map(job.tests.map((test, i) => [testId(test), i]));
    indexes.set(job, index);
  }
  return index.get(testId(ref)) ?? -1;
}
