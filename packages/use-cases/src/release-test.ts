import type { JobStore, LifecycleStore, ReleaseOutcome, TestRef } from '@allot/core';
import { isLifecycleStore } from './execute-bundle.js';

/**
 * Ends the leases of one test's rows (consumed rows stay consumed); the
 * test's made rows with a teardown become due, since the test is done
 * with them (it consumed them, or gave them back).
 */
export async function releaseTest(
  store: JobStore & Partial<LifecycleStore>,
  workspace: string,
  ref: TestRef,
  now: Date,
): Promise<ReleaseOutcome> {
  const result = isLifecycleStore(store) ? await store.getResult(workspace, ref) : undefined;
  const outcome = await store.releaseTest(workspace, ref, now);
  if (result === undefined || !isLifecycleStore(store)) return outcome;
  const job = await store.getJob(workspace, result.jobId);
  const rows = job?.tests
    .filter((t) => t.pool === ref.pool && t.suite === ref.suite && t.test === ref.test)
    .flatMap((t) => t.rows);
  if (rows !== undefined && rows.length > 0)
    await store.dueMadeRows(workspace, result.jobId, rows, now);
  return outcome;
}
