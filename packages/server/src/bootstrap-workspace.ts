import { DEFAULT_WORKSPACE, isAllotError, type TenancyStore } from '@allot/core';
import { createApiKey } from './auth/create-api-key.js';

/** A workspace with its first admin key, whose secret exists only in this value. */
export interface NewWorkspace {
  workspace: string;
  keyId: string;
  /** The full admin key: show it once. */
  adminKey: string;
}

/**
 * Creates a workspace and an admin key for it. How a fresh server gets its
 * first key, and how tests make a second tenant.
 */
export async function createWorkspaceWithAdminKey(
  store: TenancyStore,
  input: { id: string; name?: string; now?: Date },
): Promise<NewWorkspace> {
  const now = input.now ?? new Date();
  await store.createWorkspace({
    id: input.id,
    name: input.name ?? input.id,
    createdAt: now.toISOString(),
  });
  const created = await createApiKey(store, {
    workspace: input.id,
    name: 'admin (created with the workspace)',
    role: 'admin',
    now,
  });
  return { workspace: input.id, keyId: created.record.id, adminKey: created.key };
}

/**
 * On a store with no workspace yet, creates the default one (where the CLI's
 * embedded runs keep their data) and returns its admin key; else undefined.
 * Replicas starting together on a fresh database may all get here: the
 * store creates a workspace once, so exactly one of them makes the admin key
 * and the others return undefined.
 */
export async function bootstrapWorkspace(
  store: TenancyStore,
  now = new Date(),
): Promise<NewWorkspace | undefined> {
  if ((await store.listWorkspaces()).length > 0) return undefined;
  try {
    return await createWorkspaceWithAdminKey(store, {
      id: DEFAULT_WORKSPACE,
      name: 'default',
      now,
    });
  } catch (error) {
    const lostRace =
      isAllotError(error) &&
      error.code === 'INVALID_INPUT' &&
      (await store.getWorkspace(DEFAULT_WORKSPACE)) !== undefined;
    if (lostRace) return undefined;
    throw error;
  }
}
