import type { CatalogueStore, WebhookAttempt } from '@allot/core';
import { attemptName, WEBHOOK_ATTEMPT_KIND } from './webhook-records.js';

/** Adds an attempt to the delivery log of its webhook. */
export async function recordWebhookAttempt(
  store: CatalogueStore,
  workspace: string,
  attempt: WebhookAttempt,
): Promise<void> {
  await store.putCatalogue(
    {
      kind: WEBHOOK_ATTEMPT_KIND,
      workspace,
      project: null,
      name: attemptName(attempt),
      body: attempt,
      actor: 'webhooks',
    },
    new Date(attempt.at),
  );
}
