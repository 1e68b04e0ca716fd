import type { JobStore, ResultRecord, TestRef } from '@allot/core';

/** A test's result, or undefined when it has none: for callers that explain the absence their own way. */
export function findResult(
  store: JobStore,
  workspace: string,
  ref: TestRef,
): Promise<ResultRecord | undefined> {
  return store.getResult(workspace, ref);
}
