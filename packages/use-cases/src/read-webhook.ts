import type { CatalogueStore, Webhook } from '@allot/core';
import { toWebhook, webhookRecord } from './webhook-records.js';

/** A webhook of the workspace; NOT_FOUND when it has none with this id. */
export async function readWebhook(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<Webhook> {
  return toWebhook(await webhookRecord(store, workspace, id));
}
