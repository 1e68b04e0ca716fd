import type { CatalogueName, CatalogueStore } from '@allot/core';
import { USER_SETTINGS_KIND } from './account-records.js';

/** What a user sets for themselves; allot keeps it and reads none of it. */
export interface UserSettings {
  /** A theme name, such as `light` or `dark`. */
  theme: string | null;
  /** Notification preferences by name (`email`, `in_app`, …). */
  notifications: Record<string, boolean>;
}

const DEFAULTS: UserSettings = { theme: null, notifications: {} };

function nameOf(workspace: string, user: string): CatalogueName {
  return { kind: USER_SETTINGS_KIND, workspace, project: null, name: user };
}

/** A user's settings; the defaults until they set any. */
export async function readUserSettings(
  store: CatalogueStore,
  workspace: string,
  user: string,
): Promise<UserSettings> {
  const record = await store.getCatalogueByName(nameOf(workspace, user));
  return { ...DEFAULTS, ...(record?.body as Partial<UserSettings> | undefined) };
}

/**
 * Changes a user's settings; what is omitted stays, and notification
 * preferences are merged by name. Two changes at once take turns by
 * compare-and-set on the latest version, so neither is lost.
 */
export async function updateUserSettings(
  store: CatalogueStore,
  target: { workspace: string; user: string },
  changes: { theme?: string | null; notifications?: Record<string, boolean> },
  now: Date,
): Promise<UserSettings> {
  const name = nameOf(target.workspace, target.user);
  for (;;) {
    const record = await store.getCatalogueByName(name);
    const current = { ...DEFAULTS, ...(record?.body as Partial<UserSettings> | undefined) };
    const next: UserSettings = {
      theme: changes.theme === undefined ? current.theme : changes.theme,
      notifications: { ...current.notifications, ...changes.notifications },
    };
    try {
      await store.putCatalogue(
        {
          ...name,
          body: next,
          actor: target.user,
          keepId: true,
          expectedVersion: record?.version ?? null,
        },
        now,
      );
      return next;
    } catch (error) {
      if ((error as { code?: string }).code !== 'VERSION_CONFLICT') throw error;
    }
  }
}
