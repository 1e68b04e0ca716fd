import { randomUUID } from 'node:crypto';
import type { CatalogueStore, JsonValue, Webhook, WebhookEvent, WorkQueue } from '@allot/core';
import { listWebhooks } from './list-webhooks.js';
import { WEBHOOK_DELIVERY_KIND } from './webhook-records.js';

/** How deliveries are retried; the server's options set them. */
export interface WebhookRetryPolicy {
  /** Attempts before a delivery fails for good. */
  maxAttempts: number;
  /** Wait before the first retry; each later one waits twice as long. */
  retryDelayMs: number;
  /** How long an attempt may run before its worker is taken for dead (above the HTTP timeout). */
  timeoutSeconds: number;
}

/** What a queued delivery carries: the body is fixed once, every attempt sends the same bytes. */
export interface WebhookDeliveryPayload {
  [key: string]: JsonValue;
  webhookId: string;
  deliveryId: string;
  event: string;
  body: string;
}

/** A delivery put in the queue. */
export interface QueuedDelivery {
  webhookId: string;
  deliveryId: string;
  queuedJobId: string;
}

/** Queues one delivery of an event to one webhook. */
export async function queueDelivery(
  queue: WorkQueue,
  webhook: Webhook,
  event: WebhookEvent,
  policy: WebhookRetryPolicy,
): Promise<QueuedDelivery> {
  const deliveryId = randomUUID();
  const body = JSON.stringify({
    id: deliveryId,
    kind: event.kind,
    workspace: event.workspace,
    subject: event.subject,
    at: event.at,
    data: event.details,
  });
  const payload: WebhookDeliveryPayload = {
    webhookId: webhook.id,
    deliveryId,
    event: event.kind,
    body,
  };
  const queuedJobId = await queue.enqueue(event.workspace, WEBHOOK_DELIVERY_KIND, payload, {
    maxAttempts: policy.maxAttempts,
    retryDelayMs: policy.retryDelayMs,
    retryBackoff: true,
    timeoutSeconds: policy.timeoutSeconds,
  });
  return { webhookId: webhook.id, deliveryId, queuedJobId };
}

/**
 * Queues a delivery of the event to every active webhook of its workspace
 * that subscribes to its kind; any replica's worker then sends it.
 */
export async function publishWebhookEvent(
  store: CatalogueStore,
  queue: WorkQueue,
  event: WebhookEvent,
  policy: WebhookRetryPolicy,
): Promise<QueuedDelivery[]> {
  const webhooks = (await listWebhooks(store, event.workspace)).filter(
    (webhook) => webhook.active && webhook.events.some((kind) => kind === event.kind),
  );
  return Promise.all(webhooks.map((webhook) => queueDelivery(queue, webhook, event, policy)));
}
