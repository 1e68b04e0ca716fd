import type { AllocationTest, PoolDefinition, PoolStore } from '@allot/core';
import { readAllocationTest } from './read-allocation-test.js';

/**
 * Stores a pool whose tests were edited (and validated as a whole) and
 * answers the saved test; `NOT_FOUND` when the pool no longer has it.
 */
export async function saveAllocationTest(
  store: PoolStore,
  workspace: string,
  pool: PoolDefinition,
  suite: string,
  test: string,
): Promise<AllocationTest> {
  await store.putPool(workspace, pool);
  return readAllocationTest(pool, suite, test);
}
