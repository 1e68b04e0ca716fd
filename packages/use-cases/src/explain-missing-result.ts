import { AllotError, type PoolStore, type TestRef } from '@allot/core';

const notFound = (message: string) => new AllotError('NOT_FOUND', message);

/**
 * The `NOT_FOUND` error of a test without a result, saying which part of the name is
 * unknown, or that the test exists and simply has not been allocated.
 */
export async function explainMissingResult(
  store: PoolStore,
  workspace: string,
  ref: TestRef,
): Promise<AllotError> {
  const pool = await store.getPool(workspace, ref.pool);
  if (pool === undefined) return notFound(`pool "${ref.pool}" does not exist`);
  if (!pool.tests.some((t) => t.suite === ref.suite)) {
    return notFound(`pool "${ref.pool}" has no suite "${ref.suite}"`);
  }
  if (!pool.tests.some((t) => t.suite === ref.suite && t.test === ref.test)) {
    return notFound(`suite "${ref.suite}" of pool "${ref.pool}" has no test "${ref.test}"`);
  }
  return notFound(
    `test "${ref.test}" of suite "${ref.suite}" in pool "${ref.pool}" has not been allocated yet: execute a job with it first`,
  );
}
