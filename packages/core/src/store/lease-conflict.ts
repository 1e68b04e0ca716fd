import { LeaseConflictError } from '../errors.js';
import type { TestRef } from '../model/job-record.js';

/** A row as a lease conflict names it: `block:key`. */
export interface ConflictRow {
  block: string;
  key: string;
}

/** How a lease conflict names a test: `pool / suite / test`. */
export function testLabel(ref: TestRef): string {
  return `${ref.pool} / ${ref.suite} / ${ref.test}`;
}

/**
 * The error of a commit that lost a race, the same from every adapter: the
 * rows it could not take as `block:key`, the tests another job allocated
 * first as `pool / suite / test`, each named once, in sorted order.
 */
export function leaseConflict(
  rows: readonly ConflictRow[],
  tests: readonly TestRef[] = [],
): LeaseConflictError {
  return new LeaseConflictError(
    sortedOnce(rows.map((row) => `${row.block}:${row.key}`)),
    sortedOnce(tests.map(testLabel)),
  );
}

function sortedOnce(labels: readonly string[]): string[] {
  return [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
