import { AllotError, type CatalogueStore, type TenancyStore } from '@allot/core';
import { revokeUserAccess } from './revoke-user-access.js';

/**
 * Deletes a user and revokes the live keys that belong to them and their
 * sessions, so nothing acts in their name afterwards (not even once a user
 * of the same id is created again); `NOT_FOUND` when there is no such user.
 */
export async function deleteUser(
  store: TenancyStore & CatalogueStore,
  workspace: string,
  id: string,
  now: Date,
): Promise<void> {
  if (!(await store.deleteUser(workspace, id)))
    throw new AllotError('NOT_FOUND', `user "${id}" does not exist`);
  await revokeUserAccess(store, workspace, id, now);
}
