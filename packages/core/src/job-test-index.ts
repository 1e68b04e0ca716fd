import { testId, type JobRecord, type TestRef } from './model/job-record.js';

/** Job records are replaced, never changed in place, so an index per record stays valid. */
const indexes = new WeakMap<JobRecord, Map<string, number[]>>();

/** The position of a test in a job, in constant time (jobs hold thousands of tests); the last when listed twice. */
export function jobTestIndex(job: JobRecord, ref: TestRef): number {
  return jobTestIndexes(job, ref).at(-1) ?? -1;
}

/** Every position of a test in a job, in order: a job may list one test more than once. */
export function jobTestIndexes(job: JobRecord, ref: TestRef): readonly number[] {
  let index = indexes.get(job);
  if (index === undefined) {
    index = new Map();
    for (const [i, test] of job.tests.entries()) {
      const id = testId(test);
      const positions = index.get(id);
      if (positions === undefined) index.set(id, [i]);
      else positions.push(i);
    }
    indexes.set(job, index);
  }
  return index.get(testId(ref)) ?? [];
}
