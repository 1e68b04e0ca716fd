import { isAllotError, type CatalogueStore, type TenancyStore, type UserRecord } from '@allot/core';
import { INVITATION_KIND } from './account-records.js';
import type { InvitationBody } from './create-invitation.js';
import { invitationKey, parseInvitationToken } from './invitation-token.js';
import { hashPassword } from './password-hash.js';

/** What using an invitation came to; `invalid` is one answer for unknown, used and expired tokens. */
export type InvitationUse = { kind: 'accepted'; user: UserRecord } | { kind: 'invalid' };

/**
 * Sets a user's password with an invitation token, once: of two uses at
 * once (on any replicas), exactly one wins, by compare-and-set on the
 * invitation's version. The password is hashed before anything is written,
 * and the invitation is given back if storing the password fails, so a
 * failure leaves both the invitation and the user as they were.
 */
export async function acceptInvitation(
  store: TenancyStore & CatalogueStore,
  input: { token: string; password: string },
  now: Date,
): Promise<InvitationUse> {
  const token = parseInvitationToken(input.token);
  if (token === undefined) return { kind: 'invalid' };
  const name = {
    kind: INVITATION_KIND,
    workspace: token.workspace,
    project: null,
    name: invitationKey(token.secret),
  };
  const record = await store.getCatalogueByName(name);
  const body = record?.body as InvitationBody | undefined;
  if (record === undefined || body === undefined || body.usedAt !== null)
    return { kind: 'invalid' };
  if (Date.parse(body.expiresAt) <= now.getTime()) return { kind: 'invalid' };
  const user = await store.getUser(token.workspace, body.user);
  if (user === undefined) return { kind: 'invalid' };
  const password = await hashPassword(input.password);
  try {
    await store.putCatalogue(
      {
        ...name,
        body: { ...body, usedAt: now.toISOString() } satisfies InvitationBody,
        actor: user.id,
        keepId: true,
        expectedVersion: record.version,
      },
      now,
    );
  } catch (error) {
    if (isAllotError(error) && error.code === 'VERSION_CONFLICT') return { kind: 'invalid' };
    throw error;
  }
  const updated: UserRecord = { ...user, password };
  try {
    await store.putUser(updated);
  } catch (error) {
    // Give the invitation back, so that a failed write leaves it usable as it was.
    await store.putCatalogue({ ...name, body, actor: user.id, keepId: true }, now);
    throw error;
  }
  return { kind: 'accepted', user: updated };
}
