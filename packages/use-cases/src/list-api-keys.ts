import type { ApiKeyRecord, TenancyStore } from '@allot/core';

/** Every API key of a workspace, revoked ones included. */
export function listApiKeys(store: TenancyStore, workspace: string): Promise<ApiKeyRecord[]> {
  return store.listApiKeys(workspace);
}
