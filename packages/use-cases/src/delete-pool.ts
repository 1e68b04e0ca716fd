import { AllotError, type PoolStore } from '@allot/core';

/** Deletes a pool (its results and leases stay); `NOT_FOUND` when there is none. */
export async function deletePool(store: PoolStore, workspace: string, name: string): Promise<void> {
  if (!(await store.deletePool(workspace, name)))
    throw new AllotError('NOT_FOUND', `pool "${name}" does not exist`);
}
