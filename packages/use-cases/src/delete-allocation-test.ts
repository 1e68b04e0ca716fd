import type { PoolStore } from '@allot/core';
import { readAllocationTest } from './read-allocation-test.js';
import { readPool } from './read-pool.js';

/**
 * Removes a test from its pool; `NOT_FOUND` when the pool or the test does
 * not exist. The rest is kept as stored, not validated again: removing a
 * test cannot break the others.
 */
export async function deleteAllocationTest(
  store: PoolStore,
  workspace: string,
  poolName: string,
  suite: string,
  test: string,
): Promise<void> {
  const pool = await readPool(store, workspace, poolName);
  readAllocationTest(pool, suite, test);
  await store.putPool(workspace, {
    ...pool,
    tests: pool.tests.filter((t) => !(t.suite === suite && t.test === test)),
  });
}
