import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'allotinv_';

/** An invitation token's parts: the workspace it is for and its secret. */
export interface InvitationToken {
  workspace: string;
  secret: string;
}

/** A new token for a workspace: `allotinv_<workspace as hex>_<secret>`. */
export function newInvitationToken(workspace: string): { token: string; secret: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}${Buffer.from(workspace).toString('hex')}_${secret}`, secret };
}

/**
 * The parts of a presented token, or undefined when it is not shaped like
 * one. The workspace travels in the token because the person using it has
 * no other credential to say which workspace they belong to.
 */
export function parseInvitationToken(token: string): InvitationToken | undefined {
  const match = /^allotinv_((?:[0-9a-f]{2}){1,200})_([A-Za-z0-9_-]{20,100})$/.exec(token);
  if (match === null) return undefined;
  return { workspace: Buffer.from(match[1] ?? '', 'hex').toString(), secret: match[2] ?? '' };
}

/** What the store keeps instead of the secret. */
export function invitationKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
