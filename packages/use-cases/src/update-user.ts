import type { Role, TenancyStore, UserRecord } from '@allot/core';
import { readUser } from './read-user.js';

/** The parts of a user that can change. */
export interface UserChanges {
  name?: string;
  email?: string;
  role?: Role;
}

/** Changes a user's name, email or role; `NOT_FOUND` when there is no such user. */
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
