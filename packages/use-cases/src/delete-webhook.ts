import type { CatalogueStore } from '@allot/core';
import { deleteCatalogueRecord } from './delete-catalogue-record.js';
import { webhookRecord } from './webhook-records.js';

/**
 * Deletes a webhook (every version); NOT_FOUND when the workspace has none
 * with this id. Deliveries already queued find it gone and stop; its
 * delivery log stays, as history.
 */
export async function deleteWebhook(
  store: CatalogueStore,
  target: { workspace: string; id: string; actor: string },
  now: Date,
): Promise<void> {
  const record = await webhookRecord(store, target.workspace, target.id);
  await deleteCatalogueRecord(store, record, { actor: target.actor, now });
}
