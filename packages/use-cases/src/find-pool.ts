import type { PoolDefinition, PoolStore } from '@allot/core';

/** A pool by name, or undefined: for callers that explain the absence their own way. */
export function findPool(
  store: PoolStore,
  workspace: string,
  name: string,
): Promise<PoolDefinition | undefined> {
  return store.getPool(workspace, name);
}
