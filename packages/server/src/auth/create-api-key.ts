import type { ApiKeyRecord, Role, TenancyStore } from '@allot/core';
import { issueKey } from './api-key.js';

/** A key just stored: its record, and the full key, which exists only in this value. */
export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** `allot_<id>_<secret>`: show it once. */
  key: string;
}

/**
 * Stores a new API key for a workspace: what `POST /api/v1/keys` does, how a
 * fresh server gets its first admin key, and how someone with access to the
 * store (`allot keys create`) gets one back when the only admin key was lost.
 */
export async function createApiKey(
  store: TenancyStore,
  input: { workspace: string; name: string; role: Role; userId?: string | null; now?: Date },
): Promise<CreatedApiKey> {
  const issued = issueKey();
  const record: ApiKeyRecord = {
    id: issued.id,
    workspace: input.workspace,
    name: input.name,
    role: input.role,
    secretHash: issued.secretHash,
    userId: input.userId ?? null,
    createdAt: (input.now ?? new Date()).toISOString(),
    revokedAt: null,
  };
  await store.putApiKey(record);
  return { record, key: issued.key };
}
