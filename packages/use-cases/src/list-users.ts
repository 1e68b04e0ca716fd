import type { TenancyStore, UserRecord } from '@allot/core';

/** Every user of a workspace. */
export function listUsers(store: TenancyStore, workspace: string): Promise<UserRecord[]> {
  return store.listUsers(workspace);
}
