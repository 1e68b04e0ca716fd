import { DEFAULT_WORKSPACE, type TenancyStore, type UserRecord } from '@allot/core';
import type { AuthContext } from '../auth/auth-context.js';
import { HttpError } from '../errors/http-error.js';

/** True while no SuperUser of the deployment can log in yet (none has a password). */
async function noActiveSuperUser(store: TenancyStore): Promise<boolean> {
  for (const workspace of await store.listWorkspaces()) {
    const users = await store.listUsers(workspace.id);
    if (users.some((user) => user.superUser === true && user.password != null)) return false;
  }
  return true;
}

/**
 * Refuses a caller who makes, changes, invites or deletes a SuperUser
 * without being one: a SuperUser acts in every workspace. The first
 * SuperUser of a deployment has nobody to make them, so until a SuperUser
 * has set a password an admin of the default workspace (the one a fresh
 * server prints a key for) may make and invite one.
 */
export async function guardSuperUser(
  store: TenancyStore,
  caller: AuthContext,
  target: Pick<UserRecord, 'superUser'>,
  field?: string,
): Promise<void> {
  if (target.superUser !== true || caller.superUser) return;
  if (caller.workspace === DEFAULT_WORKSPACE && (await noActiveSuperUser(store))) return;
  throw new HttpError('FORBIDDEN', "only a SuperUser may manage a SuperUser's account", field);
}
