import { DEFAULT_WORKSPACE, isAllotError, type TenancyStore } from '@allot/core';

/** Whether a workspace is there to use: `missing` lists the workspaces that are. */
export type WorkspaceCheck = { kind: 'ready' } | { kind: 'missing'; known: string[] };

/**
 * Makes sure a workspace exists before something is stored in it: the
 * default workspace is created when the store has none yet, as a server does
 * on its first start; any other workspace must exist already.
 */
export async function ensureWorkspace(
  store: TenancyStore,
  workspace: string,
  now: Date,
): Promise<WorkspaceCheck> {
  if ((await store.getWorkspace(workspace)) !== undefined) return { kind: 'ready' };
  if (workspace !== DEFAULT_WORKSPACE) {
    const known = (await store.listWorkspaces()).map((w) => w.id);
    return { kind: 'missing', known };
  }
  try {
    await store.createWorkspace({ id: workspace, name: 'default', createdAt: now.toISOString() });
  } catch (error) {
    // A server starting on the same database at the same moment created it first.
    const lostRace = isAllotError(error) && (await store.getWorkspace(workspace)) !== undefined;
    if (!lostRace) throw error;
  }
  return { kind: 'ready' };
}
