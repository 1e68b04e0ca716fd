import { AllotError, type TenancyStore } from '@allot/core';

/**
 * Deletes a user and revokes the live keys that belong to them, so nothing
 * acts in their name afterwards; `NOT_FOUND` when there is no such user.
 */
export async function deleteUser(
  store: TenancyStore,
  workspace: string,
  id: string,
  now: Date,
): Promise<void> {
  if (!(await store.deleteUser(workspace, id)))
    throw new AllotError('NOT_FOUND', `user "${id}" does not exist`);
  const revokedAt = now.toISOString();
  for (const key of await store.listApiKeys(workspace)) {
    if (key.userId === id && key.revokedAt === null) await store.putApiKey({ ...key, revokedAt });
  }
}
