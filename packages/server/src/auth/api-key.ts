import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every key starts with this, so secret scanners and people recognise it. */
export const KEY_PREFIX = 'allot_';

const ID = /^[0-9a-f]{16}$/;

/** A key as handed to its owner once: the full secret string and its parts. */
export interface IssuedKey {
  /** The public lookup id. */
  id: string;
  /** `allot_<id>_<secret>`: shown once, never stored. */
  key: string;
  /** What the store keeps instead of the secret. */
  secretHash: string;
}

/** A new key id (or the given one, for a rotation) with a fresh random secret. */
export function issueKey(id: string = randomBytes(8).toString('hex')): IssuedKey {
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${KEY_PREFIX}${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a presented key, or undefined when it is not shaped like one. */
export function parseKey(key: string): { id: string; secret: string } | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  // The secret is base64url, which may itself hold `_`: split at the first one only.
  const rest = key.slice(KEY_PREFIX.length);
  const cut = rest.indexOf('_');
  if (cut < 0) return undefined;
  const id = rest.slice(0, cut);
  const secret = rest.slice(cut + 1);
  if (!ID.test(id) || secret.length === 0 || secret.length > 256) return undefined;
  return { id, secret };
}

/** Hex sha256 of a secret: the secret is random, so no salt or slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = createHash('sha256').update(secret).digest();
  const stored = Buffer.from(secretHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
