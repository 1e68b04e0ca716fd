import { AllotError, type PoolDefinition, type PoolStore } from '@allot/core';

/** A pool by name; `NOT_FOUND` when the workspace has none of that name. */
export async function readPool(
  store: PoolStore,
  workspace: string,
  name: string,
): Promise<PoolDefinition> {
  const pool = await store.getPool(workspace, name);
  if (pool === undefined) throw new AllotError('NOT_FOUND', `pool "${name}" does not exist`);
  return pool;
}
