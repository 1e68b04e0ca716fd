import type { ApiKeyRecord, TenancyStore } from '@allot/core';
import type { KeySecret } from './create-api-key.js';

/** What rotating a key did: a revoked key keeps its old (dead) secret. */
export type KeyRotation =
  { kind: 'rotated'; key: ApiKeyRecord } | { kind: 'revoked'; key: ApiKeyRecord };

/** Gives a live key a new secret; the old one stops working at once. */
export async function rotateApiKey(
  store: TenancyStore,
  key: ApiKeyRecord,
  secret: KeySecret,
): Promise<KeyRotation> {
  if (key.revokedAt !== null) return { kind: 'revoked', key };
  const rotated = { ...key, secretHash: secret.secretHash };
  await store.putApiKey(rotated);
  return { kind: 'rotated', key: rotated };
}
