import type { PoolDefinition, PoolStore } from '@allot/core';

/** Every pool of a workspace. */
export function listPools(store: PoolStore, workspace: string): Promise<PoolDefinition[]> {
  return store.listPools(workspace);
}
