import type { CatalogueStore, Webhook } from '@allot/core';
import { toWebhook, WEBHOOK_KIND } from './webhook-records.js';

/** Most webhooks a workspace lists (and delivers each event to). */
export const MAX_WEBHOOKS = 1000;

/** Every webhook of a workspace, oldest first. */
export async function listWebhooks(store: CatalogueStore, workspace: string): Promise<Webhook[]> {
  const records = await store.listCatalogue({
    workspace,
    kind: WEBHOOK_KIND,
    latestOnly: true,
    page: { limit: MAX_WEBHOOKS, offset: 0 },
  });
  return records.map(toWebhook).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
