import type { TenancyStore, UserRecord } from '@allot/core';

/** A user of a workspace, or undefined: for callers that word the absence themselves. */
export function findUser(
  store: TenancyStore,
  workspace: string,
  id: string,
): Promise<UserRecord | undefined> {
  return store.getUser(workspace, id);
}
