import type { JobRecord, ReleaseOutcome } from '../model/job-record.js';
import { holdsRows, isJobLive } from './store-document.js';

/**
 * What releasing some tests of a job gives back: rows of consuming tests
 * count as consumed, the others as released. A job that is no longer live
 * holds nothing, so releasing it again or after its TTL counts nothing.
 */
export function countRelease(job: JobRecord, indexes: number[], now: Date): ReleaseOutcome {
  const outcome = { released: 0, consumed: 0 };
  if (!isJobLive(job, now)) return outcome;
  for (const index of indexes) {
    const test = job.tests[index];
    if (test === undefined || !holdsRows(test)) continue;
    if (test.consume) outcome.consumed += test.rows.length;
    else outcome.released += test.rows.length;
  }
  return outcome;
}
