import type { CatalogueStore } from '@allot/core';
import { avatarName, type AvatarBody } from './set-user-avatar.js';

/** A user's avatar, or undefined when they have none. */
export async function readUserAvatar(
  store: CatalogueStore,
  owner: { workspace: string; user: string },
): Promise<AvatarBody | undefined> {
  const record = await store.getCatalogueByName(avatarName(owner.workspace, owner.user));
  return record?.body as AvatarBody | undefined;
}
