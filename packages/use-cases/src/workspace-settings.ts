import {
  AllotError,
  type CatalogueName,
  type CatalogueStore,
  type TenancyStore,
  type WorkspaceRecord,
} from '@allot/core';
import { WORKSPACE_SETTINGS_KIND } from './account-records.js';

/** A workspace with its display name and the settings its SuperUser keeps for it. */
export interface WorkspaceDetails extends WorkspaceRecord {
  settings: Record<string, unknown>;
  updatedAt: string | null;
}

interface SettingsBody {
  name?: string;
  settings: Record<string, unknown>;
}

function nameOf(workspace: string): CatalogueName {
  return { kind: WORKSPACE_SETTINGS_KIND, workspace, project: null, name: 'settings' };
}

/** A workspace and its settings; `NOT_FOUND` when there is no such workspace. */
export async function readWorkspaceDetails(
  store: TenancyStore & CatalogueStore,
  id: string,
): Promise<WorkspaceDetails> {
  const workspace = await store.getWorkspace(id);
  if (workspace === undefined) throw new AllotError('NOT_FOUND', `tenant "${id}" does not exist`);
  const record = await store.getCatalogueByName(nameOf(id));
  const body = record?.body as SettingsBody | undefined;
  return {
    ...workspace,
    name: body?.name ?? workspace.name,
    settings: body?.settings ?? {},
    updatedAt: record?.updatedAt ?? null,
  };
}

/**
 * Changes a workspace's display name and settings (merged by key, a null
 * value removing one); `NOT_FOUND` when there is no such workspace.
 */
export async function updateWorkspaceSettings(
  store: TenancyStore & CatalogueStore,
  target: { id: string; actor: string },
  changes: { name?: string; settings?: Record<string, unknown> },
  now: Date,
): Promise<WorkspaceDetails> {
  const current = await readWorkspaceDetails(store, target.id);
  const settings = { ...current.settings };
  for (const [key, value] of Object.entries(changes.settings ?? {})) {
    if (value === null) delete settings[key];
    else settings[key] = value;
  }
  const body: SettingsBody = { name: changes.name ?? current.name, settings };
  await store.putCatalogue({ ...nameOf(target.id), body, actor: target.actor, keepId: true }, now);
  return readWorkspaceDetails(store, target.id);
}
