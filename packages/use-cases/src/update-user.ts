import type { Role, TenancyStore, UserRecord } from '@allot/core';
import { readUser } from './read-user.js';

/** The parts of a user that can change. */
export interface UserChanges {
  name?: string;
  email?: string;
  role?: Role;
  /** False deactivates: the user can no longer log in and their sessions stop working. */
  active?: boolean;
  superUser?: boolean;
}

/** Changes a user's name, email, role or activation; `NOT_FOUND` when there is no such user. */
export async function updateUser(
  store: TenancyStore,
  workspace: string,
  id: string,
  changes: UserChanges,
): Promise<UserRecord> {
  const user = await readUser(store, workspace, id);
  const updated: UserRecord = { ...user, ...changes };
  await store.putUser(updated);
  return updated;
}
