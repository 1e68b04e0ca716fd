import type { AllocationTest, PoolDefinition, PoolStore } from '@allot/core';
import { saveAllocationTest } from './save-allocation-test.js';

/** What adding a test did: `exists` leaves the pool as it was. */
export type AllocationTestAddition = { kind: 'added'; test: AllocationTest } | { kind: 'exists' };

/**
 * Adds a test to a pool unless the pool has one of this suite and name.
 * `withTest` builds the pool with the test added, validated as a whole the
 * way the caller's input format is.
 */
export async function addAllocationTest(
  store: PoolStore,
  workspace: string,
  pool: PoolDefinition,
  ref: { suite: string; test: string },
  withTest: () => PoolDefinition,
): Promise<AllocationTestAddition> {
  const { suite, test } = ref;
  if (pool.tests.some((t) => t.suite === suite && t.test === test)) return { kind: 'exists' };
  const saved = await saveAllocationTest(store, workspace, withTest(), suite, test);
  return { kind: 'added', test: saved };
}
