import {
  checkWebhookInput,
  type CatalogueStore,
  type Webhook,
  type WebhookInput,
} from '@allot/core';
import type { CheckWebhookDestination } from './create-webhook.js';
import { toWebhook, webhookRecord, type WebhookBody } from './webhook-records.js';

/**
 * Changes a webhook's settings: a new catalogue version with the same id.
 * A new URL is checked like a new webhook's. Two changes at once: the later
 * fails with VERSION_CONFLICT rather than silently undo the other.
 */
export async function updateWebhook(
  store: CatalogueStore,
  target: { workspace: string; id: string; actor: string },
  input: WebhookInput,
  checkDestination: CheckWebhookDestination,
  now: Date,
): Promise<Webhook> {
  const record = await webhookRecord(store, target.workspace, target.id);
  const { events } = checkWebhookInput(input);
  if (input.url !== undefined) await checkDestination(input.url);
  const before = record.body as WebhookBody;
  const body: WebhookBody = {
    url: input.url ?? before.url,
    events: events ?? before.events,
    secret: input.secret ?? before.secret,
    active: input.active ?? before.active,
    description: input.description === undefined ? before.description : input.description,
  };
  const updated = await store.putCatalogue(
    {
      kind: record.kind,
      workspace: record.workspace,
      project: record.project,
      name: record.name,
      body,
      actor: target.actor,
      keepId: true,
      expectedVersion: record.version,
    },
    now,
  );
  return toWebhook(updated);
}
