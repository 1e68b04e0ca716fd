import type { PoolDefinition, PoolStore } from '@allot/core';

/** What storing a pool did. */
export type PoolPut = 'created' | 'replaced';

/** Stores a validated pool, creating or replacing the one of its name. */
export async function putPool(
  store: PoolStore,
  workspace: string,
  pool: PoolDefinition,
): Promise<PoolPut> {
  const existed = (await store.getPool(workspace, pool.name)) !== undefined;
  await store.putPool(workspace, pool);
  return existed ? 'replaced' : 'created';
}
