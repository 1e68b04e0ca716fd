import { AllotError, type AllocationTest, type PoolDefinition } from '@allot/core';

/** A test of a pool by suite and name; `NOT_FOUND` when the pool has no such test. */
export function readAllocationTest(
  pool: PoolDefinition,
  suite: string,
  test: string,
): AllocationTest {
  const found = pool.tests.find((t) => t.suite === suite && t.test === test);
  if (found === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `pool "${pool.name}" has no test "${test}" in suite "${suite}"`,
    );
  return found;
}
