import type { TenancyStore, WorkspaceRecord } from '@allot/core';

/** Every workspace of the deployment, by id. */
export async function listWorkspaces(store: TenancyStore): Promise<WorkspaceRecord[]> {
  return (await store.listWorkspaces()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
