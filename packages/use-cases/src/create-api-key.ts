import type { ApiKeyRecord, Role, TenancyStore } from '@allot/core';

/** A key's public id and the hash of its secret, as the surface that issues keys made them. */
export interface KeySecret {
  id: string;
  secretHash: string;
}

/** What a new key is for. */
export interface NewApiKey {
  workspace: string;
  name: string;
  role: Role;
  userId?: string | null;
  now?: Date;
}

/** Stores a new API key of a workspace; the secret itself never reaches the store. */
export async function createApiKey(
  store: TenancyStore,
  input: NewApiKey,
  secret: KeySecret,
): Promise<ApiKeyRecord> {
  const record: ApiKeyRecord = {
    id: secret.id,
    workspace: input.workspace,
    name: input.name,
    role: input.role,
    secretHash: secret.secretHash,
    userId: input.userId ?? null,
    createdAt: (input.now ?? new Date()).toISOString(),
    revokedAt: null,
  };
  await store.putApiKey(record);
  return record;
}
