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
}

/** True when the session token with this id was revoked. */
export async function isSessionRevoked(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<boolean> {
  return (await store.getCatalogueByName(nameOf(workspace, id))) !== undefined;
}
