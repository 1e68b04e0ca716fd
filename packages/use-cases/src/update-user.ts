import type { CatalogueStore, Role, TenancyStore, UserRecord } from '@allot/core';
import { readUser } from './read-user.js';
import { revokeUserAccess } from './revoke-user-access.js';

/** The parts of a user that can change. */
export interface UserChanges {
  name?: string;
  email?: string;
  role?: Role;
  /**
   * False deactivates: the user can no longer log in, and their sessions and
   * the API keys that belong to them are revoked (reactivating brings neither back).
   */
  active?: boolean;
  superUser?: boolean;
}

/** Changes a user's name, email, role or activation; `NOT_FOUND` when there is no such user. */
export async function updateUser(
  store: TenancyStore & CatalogueStore,
  workspace: string,
  id: string,
  changes: UserChanges,
  now: Date = new Date(),
): Promise<UserRecord> {
  const user = await readUser(store, workspace, id);
  const updated: UserRecord = { ...user, ...changes };
  // Access goes first: a failure then leaves the user active with nothing to act with, never
  // deactivated with a key that still works.
  if (changes.active === false && user.active !== false)
    await revokeUserAccess(store, workspace, id, now);
  await store.putUser(updated);
  return updated;
}
