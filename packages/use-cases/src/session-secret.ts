import { isAllotError, type CatalogueStore } from '@allot/core';
import { randomBytes } from 'node:crypto';
import { DEPLOYMENT_WORKSPACE, SESSION_SECRET_KIND } from './account-records.js';

const NAME = {
  kind: SESSION_SECRET_KIND,
  workspace: DEPLOYMENT_WORKSPACE,
  project: null,
  name: 'hs256',
};

/**
 * The secret session tokens are signed with: the one stored for the
 * deployment, made on first use. Replicas starting together on one store
 * race to make it; the put's compare-and-set lets one win and the others
 * read the winner's, so every replica verifies every other's tokens.
 */
export async function sessionSecret(store: CatalogueStore, now: Date): Promise<string> {
  const stored = await store.getCatalogueByName(NAME);
  if (stored !== undefined) return (stored.body as { secret: string }).secret;
  const secret = randomBytes(32).toString('base64url');
  try {
    await store.putCatalogue(
      { ...NAME, body: { secret }, actor: 'server', expectedVersion: null },
      now,
    );
    return secret;
  } catch (error) {
    if (!(isAllotError(error) && error.code === 'VERSION_CONFLICT')) throw error;
    return sessionSecret(store, now);
  }
}
