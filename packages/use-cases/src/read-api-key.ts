import { AllotError, type ApiKeyRecord, type TenancyStore } from '@allot/core';

/** A key of a workspace; `NOT_FOUND` for a key of another workspace, exactly as for one that never existed. */
export async function readApiKey(
  store: TenancyStore,
  workspace: string,
  id: string,
): Promise<ApiKeyRecord> {
  const key = await store.findApiKey(id);
  if (key === undefined || key.workspace !== workspace)
    throw new AllotError('NOT_FOUND', `API key ${id} does not exist`);
  return key;
}
