import type { CatalogueStore, WorkQueue } from '@allot/core';
import {
  queueDelivery,
  type QueuedDelivery,
  type WebhookRetryPolicy,
} from './publish-webhook-event.js';
import { readWebhook } from './read-webhook.js';

/** Queues a `ping` to one webhook, active or not, so its owner can check the receiver. */
export async function pingWebhook(
  store: CatalogueStore,
  queue: WorkQueue,
  target: { workspace: string; id: string; actor: string },
  policy: WebhookRetryPolicy,
  now: Date,
): Promise<QueuedDelivery> {
  const webhook = await readWebhook(store, target.workspace, target.id);
  return queueDelivery(
    queue,
    webhook,
    {
      kind: 'ping',
      workspace: target.workspace,
      subject: `webhook:${webhook.id}`,
      at: now.toISOString(),
      details: { requestedBy: target.actor },
    },
    policy,
  );
}
