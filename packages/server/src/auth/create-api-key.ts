import type { ApiKeyRecord, Role, TenancyStore } from '@allot/core';
import { createApiKey as storeApiKey } from '@allot/use-cases';
import { issueKey } from './api-key.js';

/** A key just stored: its record, and the full key, which exists only in this value. */
export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** `allot_<id>_<secret>`: show it once. */
  key: string;
}

/**
 * Issues and stores a new API key for a workspace: what `POST /api/v1/keys`
 * does, how a fresh server gets its first admin key, and how someone with
 * access to the store (`allot keys create`) gets one back when the only
 * admin key was lost. The key format belongs here, with the check of it.
 */
export async function createApiKey(
  store: TenancyStore,
  input: { workspace: string; name: string; role: Role; userId?: string | null; now?: Date },
): Promise<CreatedApiKey> {
  const issued = issueKey();
  const record = await storeApiKey(store, input, issued);
  return { record, key: issued.key };
}
