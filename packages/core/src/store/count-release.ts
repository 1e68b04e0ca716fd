import type { JobRecord, ReleaseOutcome } from '../model/job-record.js';
import { holdsRows, isJobLive } from './store-document.js';

/** A test whose leases a release ends: whether it consumes its rows, and how many it holds. */
export interface EndedTest {
  consume: boolean;
  rows: number;
}

/**
 * What releasing some tests of a job gives back: rows of consuming tests
 * count as consumed, the others as released. A job that is no longer live
 * holds nothing, so releasing it again or after its TTL counts nothing.
 */
export function countRelease(job: JobRecord, indexes: number[], now: Date): ReleaseOutcome {
  if (!isJobLive(job, now)) return { released: 0, consumed: 0 };
  const ended: EndedTest[] = [];
  for (const index of indexes) {
    const test = job.tests[index];
    if (test !== undefined && holdsRows(test))
      ended.push({ consume: test.consume, rows: test.rows.length });
  }
  return tallyRelease(ended);
}

/**
 * The outcome of ending some tests' leases, whichever store ended them:
 * rows of consuming tests count as consumed (they stay taken), the others
 * as released.
 */
export function tallyRelease(ended: Iterable<EndedTest>): ReleaseOutcome {
  const outcome = { released: 0, consumed: 0 };
  for (const test of ended) {
    if (test.consume) outcome.consumed += test.rows;
    else outcome.released += test.rows;
  }
  return outcome;
}
