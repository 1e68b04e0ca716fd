import type { JobStore, PoolStore, ResultRecord, TestRef } from '@allot/core';
import { explainMissingResult } from './explain-missing-result.js';

/**
 * A test's result: the rows its last job allocated. `NOT_FOUND` says which
 * part of the name is unknown, or that the test has not been allocated yet.
 */
export async function readResult(
  store: JobStore & PoolStore,
  workspace: string,
  ref: TestRef,
): Promise<ResultRecord> {
  const result = await store.getResult(workspace, ref);
  if (result === undefined) throw await explainMissingResult(store, workspace, ref);
  return result;
}
