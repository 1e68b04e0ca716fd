import type { CatalogueStore, TenancyStore } from '@allot/core';
import { INVITATION_KIND } from './account-records.js';
import { newInvitationToken, invitationKey } from './invitation-token.js';
import { readUser } from './read-user.js';

/** Default life of an invitation: 7 days. */
export const DEFAULT_INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** An invitation as stored. */
export interface InvitationBody {
  user: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A new invitation: the token (shown once, never stored) and when it expires. */
export interface NewInvitation {
  token: string;
  user: string;
  expiresAt: string;
}

/**
 * Invites a user of a workspace to set their password: a single-use token
 * that expires. `NOT_FOUND` when there is no such user.
 */
export async function createInvitation(
  store: TenancyStore & CatalogueStore,
  input: { workspace: string; user: string; actor: string; ttlSeconds?: number },
  now: Date,
): Promise<NewInvitation> {
  const user = await readUser(store, input.workspace, input.user);
  const { token, secret } = newInvitationToken(input.workspace);
  const ttl = input.ttlSeconds ?? DEFAULT_INVITATION_TTL_SECONDS;
  const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
  const body: InvitationBody = { user: user.id, expiresAt, usedAt: null };
  await store.putCatalogue(
    {
      kind: INVITATION_KIND,
      workspace: input.workspace,
      project: null,
      name: invitationKey(secret),
      body,
      actor: input.actor,
      expectedVersion: null,
    },
    now,
  );
  return { token, user: user.id, expiresAt };
}
