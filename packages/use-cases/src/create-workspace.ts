import type { TenancyStore, WorkspaceRecord } from '@allot/core';

/** What creating a workspace did: `exists` leaves the stored one as it was. */
export type WorkspaceCreation =
  { kind: 'created'; workspace: WorkspaceRecord } | { kind: 'exists' };

/** Workspace ids: a letter or digit first, so that no workspace takes a reserved id. */
export const WORKSPACE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$';

/** Creates a workspace (a tenant) unless one has this id already. */
export async function createWorkspace(
  store: TenancyStore,
  input: { id: string; name?: string },
  now: Date,
): Promise<WorkspaceCreation> {
  if ((await store.getWorkspace(input.id)) !== undefined) return { kind: 'exists' };
  const workspace = { id: input.id, name: input.name ?? input.id, createdAt: now.toISOString() };
  try {
    await store.createWorkspace(workspace);
  } catch (error) {
    // Created by someone else between the read and the write.
    if ((await store.getWorkspace(input.id)) !== undefined) return { kind: 'exists' };
    throw error;
  }
  return { kind: 'created', workspace };
}
