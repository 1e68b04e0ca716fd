import type { CatalogueName, CatalogueStore, TenancyStore } from '@allot/core';
import { USER_SESSIONS_REVOKED_KIND } from './account-records.js';

function nameOf(workspace: string, user: string): CatalogueName {
  return { kind: USER_SESSIONS_REVOKED_KIND, workspace, project: null, name: user };
}

/**
 * Takes away everything a user could act with: revokes the live API keys
 * that belong to them (the keys they own, and those they created while
 * logged in, which belong to them), and every session token issued to them
 * so far, on every replica. Used when a user is deactivated or deleted:
 * reactivating them later brings neither back.
 */
export async function revokeUserAccess(
  store: TenancyStore & CatalogueStore,
  workspace: string,
  user: string,
  now: Date,
): Promise<void> {
  const revokedAt = now.toISOString();
  for (const key of await store.listApiKeys(workspace)) {
    if (key.userId === user && key.revokedAt === null) await store.putApiKey({ ...key, revokedAt });
  }
  await store.putCatalogue(
    { ...nameOf(workspace, user), body: { before: revokedAt }, actor: 'allot' },
    now,
  );
}

/**
 * True when a session token of a user was issued at or before the last time
 * all of that user's sessions were revoked. Token times have whole seconds,
 * so a token of the same second as the revocation counts as before it.
 */
export async function areUserSessionsRevoked(
  store: CatalogueStore,
  session: { workspace: string; user: string; issuedAt: Date },
): Promise<boolean> {
  const record = await store.getCatalogueByName(nameOf(session.workspace, session.user));
  if (record === undefined) return false;
  const before = (record.body as { before?: string }).before;
  if (before === undefined) return false;
  return session.issuedAt.getTime() <= Math.floor(Date.parse(before) / 1000) * 1000;
}
