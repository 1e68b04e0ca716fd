import type { CatalogueStore, Page, WebhookAttempt } from '@allot/core';
import { webhookRecord, WEBHOOK_ATTEMPT_KIND } from './webhook-records.js';

/**
 * A page of a webhook's delivery log, oldest attempt first; NOT_FOUND when
 * the workspace has no such webhook.
 */
export async function listWebhookAttempts(
  store: CatalogueStore,
  workspace: string,
  id: string,
  page: Page,
): Promise<WebhookAttempt[]> {
  await webhookRecord(store, workspace, id);
  const records = await store.listCatalogue({
    workspace,
    kind: WEBHOOK_ATTEMPT_KIND,
    namePrefix: `${id}:`,
    latestOnly: true,
    page,
  });
  return records.map((record) => record.body as WebhookAttempt);
}
