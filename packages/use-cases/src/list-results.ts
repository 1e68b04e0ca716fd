import { AllotError, type JobStore, type PoolStore, type ResultRecord } from '@allot/core';

/**
 * The results of a pool, or of one suite of it. Results outlive a deleted
 * pool; an unknown pool without any is `NOT_FOUND` like any missing thing.
 */
export async function listResults(
  store: JobStore & PoolStore,
  workspace: string,
  filter: { pool: string; suite?: string },
): Promise<ResultRecord[]> {
  const { pool, suite } = filter;
  const results = await store.listResults(
    workspace,
    suite === undefined ? { pool } : { pool, suite },
  );
  if (results.length === 0 && (await store.getPool(workspace, pool)) === undefined) {
    throw new AllotError('NOT_FOUND', `pool "${pool}" does not exist`);
  }
  return results;
}
