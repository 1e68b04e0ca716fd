import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CatalogueStore, TwoFactorRecord } from '@allot/core';
import { Secret, TOTP } from 'otpauth';
import { sessionSecret } from './session-secret.js';

/** RFC 6238's defaults, which every authenticator app reads: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
const DIGITS = 6;
/** Codes of the step before and after are accepted too: a phone's clock is rarely exact. */
const WINDOW = 1;

/** Whose secret it is: the sealed text is bound to this user and cannot be moved to another. */
export interface TwoFactorOwner {
  workspace: string;
  user: string;
}

/**
 * The key secrets are sealed with: derived (HKDF-SHA256) from the
 * deployment's session-signing secret, so every replica opens what any
 * other sealed, and a copy of the users table alone reveals no secret.
 */
async function sealingKey(store: CatalogueStore, now: Date): Promise<Buffer> {
  const root = await sessionSecret(store, now);
  return Buffer.from(hkdfSync('sha256', root, 'allot', 'two-factor secret v1', 32));
}

const aad = (owner: TwoFactorOwner) => Buffer.from(`${owner.workspace}\u0000${owner.user}`);

/** Seals a base32 secret with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`. */
export async function sealTwoFactorSecret(
  store: CatalogueStore,
  owner: TwoFactorOwner,
  base32: string,
  now: Date,
): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(store, now), iv);
  cipher.setAAD(aad(owner));
  const text = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), text]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

async function openSecret(
  store: CatalogueStore,
  owner: TwoFactorOwner,
  sealed: string,
  now: Date,
): Promise<string> {
  const [version, iv, tag, text] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || text === undefined)
    throw new Error('a two-factor secret is sealed in an unknown form');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    await sealingKey(store, now),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAAD(aad(owner));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(text, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** A new random secret (160 bits, as RFC 4226 advises), in base32. */
export function newTwoFactorSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI an authenticator app reads (from a QR code). */
export function twoFactorUri(base32: string, issuer: string, label: string): string {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(base32),
    digits: DIGITS,
    period: PERIOD,
  }).toString();
}

/**
 * The time step a code is valid for, or null when it is wrong, expired, or
 * of a step already used (`record.lastStep`): a code seen once, say over a
 * shoulder, cannot log in again.
 */
export async function acceptedTwoFactorStep(
  store: CatalogueStore,
  owner: TwoFactorOwner,
  record: TwoFactorRecord,
  code: string,
  now: Date,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const totp = new TOTP({
    secret: Secret.fromBase32(await openSecret(store, owner, record.secret, now)),
    digits: DIGITS,
    period: PERIOD,
  });
  const delta = totp.validate({ token: code.trim(), timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return record.lastStep !== null && step <= record.lastStep ? null : step;
}
