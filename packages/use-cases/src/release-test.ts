import type { JobStore, ReleaseOutcome, TestRef } from '@allot/core';

/** Ends the leases of one test's rows (consumed rows stay consumed). */
export function releaseTest(
  store: JobStore,
  workspace: string,
  ref: TestRef,
  now: Date,
): Promise<ReleaseOutcome> {
  return store.releaseTest(workspace, ref, now);
}
