import type { CatalogueStore } from '@allot/core';
import { REVOKED_SESSION_KIND } from './account-records.js';

/** A session token as the revocation list knows it. */
export interface SessionRef {
  workspace: string;
  /** The token's id (`jti`). */
  id: string;
  /** The user it belongs to. */
  user: string;
  /** When the token expires (ISO): a revocation need not outlive it. */
  expiresAt: string;
}

function nameOf(workspace: string, id: string) {
  return { kind: REVOKED_SESSION_KIND, workspace, project: null, name: id };
}

/**
 * Revokes a session token in the store, so that every replica refuses it
 * from the next request on. Revoking twice is harmless.
 */
export async function revokeSession(
  store: CatalogueStore,
  session: SessionRef,
  now: Date,
): Promise<void> {
  if (await isSessionRevoked(store, session.workspace, session.id)) return;
  try {
    await store.putCatalogue(
      {
        ...nameOf(session.workspace, session.id),
        body: { user: session.user, expiresAt: session.expiresAt },
        actor: session.user,
        expectedVersion: null,
      },
      now,
    );
  } catch (error) {
    // A logout on another replica at the same moment revoked it first.
    if (!(await isSessionRevoked(store, session.workspace, session.id))) throw error;
  }
  await pruneRevocations(store, session.workspace, now);
}

/** Revocations checked for expiry at each logout: keeps the list from growing with old tokens. */
const PRUNE_BATCH = 100;

/** Forgets revocations of tokens that have expired anyway: a token past its expiry is refused by itself. */
async function pruneRevocations(store: CatalogueStore, workspace: string, now: Date) {
  const page = { limit: PRUNE_BATCH, offset: 0 };
  const records = await store.listCatalogue({ workspace, kind: REVOKED_SESSION_KIND, page });
  for (const record of records) {
    const expiresAt = (record.body as { expiresAt?: string }).expiresAt;
    if (expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime())
      await store.deleteCatalogue(
        { ...nameOf(workspace, record.name), actor: 'logout', force: true },
        now,
      );
  }
}

/** True when the session token with this id was revoked. */
export async function isSessionRevoked(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<boolean> {
  return (await store.getCatalogueByName(nameOf(workspace, id))) !== undefined;
}
