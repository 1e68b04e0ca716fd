import { AllotError, type TenancyStore, type UserRecord } from '@allot/core';

/** A user of a workspace; `NOT_FOUND` when there is none with this id. */
export async function readUser(
  store: TenancyStore,
  workspace: string,
  id: string,
): Promise<UserRecord> {
  const user = await store.getUser(workspace, id);
  if (user === undefined) throw new AllotError('NOT_FOUND', `user "${id}" does not exist`);
  return user;
}
