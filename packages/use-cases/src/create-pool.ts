import type { PoolDefinition, PoolStore } from '@allot/core';

/** What creating a pool did: `exists` leaves the stored pool as it was. */
export type PoolCreation = 'created' | 'exists';

/** Stores a validated pool unless the workspace already has one of its name. */
export async function createPool(
  store: PoolStore,
  workspace: string,
  pool: PoolDefinition,
): Promise<PoolCreation> {
  if ((await store.getPool(workspace, pool.name)) !== undefined) return 'exists';
  await store.putPool(workspace, pool);
  return 'created';
}
