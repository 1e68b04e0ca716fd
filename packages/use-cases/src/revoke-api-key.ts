import type { ApiKeyRecord, TenancyStore } from '@allot/core';

/** Revokes a key (effective on its next use); a revoked key stays as it is. Tells whether it changed. */
export async function revokeApiKey(
  store: TenancyStore,
  key: ApiKeyRecord,
  now: Date,
): Promise<{ key: ApiKeyRecord; revoked: boolean }> {
  if (key.revokedAt !== null) return { key, revoked: false };
  const revoked = { ...key, revokedAt: now.toISOString() };
  await store.putApiKey(revoked);
  return { key: revoked, revoked: true };
}
