import {
  checkWebhookUrl,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type CatalogueStore,
  type JsonValue,
  type QueueHandler,
  type WebhookAttempt,
  type WebhookEventKind,
} from '@allot/core';
import {
  findWebhookRecord,
  recordWebhookAttempt,
  toWebhook,
  type WebhookDeliveryPayload,
} from '@allot/use-cases';
import { SERVER_VERSION } from '../version.js';
import { checkLiteralHost, guardedLookup } from './destination-policy.js';
import { postJson } from './post-signed.js';

/** The header naming the event kind of a delivery. */
export const EVENT_HEADER = 'x-allot-event';
/** The header carrying the delivery id, the same on every attempt of one delivery. */
export const DELIVERY_HEADER = 'x-allot-delivery';

/** What the delivery handler needs. */
export interface DeliveryOptions {
  store: CatalogueStore;
  /** Lets URLs lead to loopback, private and link-local addresses (tests, closed networks). */
  allowPrivate: boolean;
  /** How long one attempt may take, connection to last byte. */
  timeoutMs: number;
  clock: () => Date;
  /** Told of every attempt once it is logged (the server's log). */
  onAttempt?: (attempt: WebhookAttempt) => void;
}

/**
 * The queue handler of `webhook-delivery` jobs: one attempt of one delivery.
 * It reads the webhook afresh (a deleted or deactivated webhook gets no more
 * attempts), signs the body with the current time, POSTs it through the
 * destination policy, and logs the attempt. Anything but a 2xx answer
 * throws, so the queue retries with backoff on whichever replica is free.
 */
export function webhookDeliveryHandler(
  options: DeliveryOptions,
): QueueHandler<WebhookDeliveryPayload, JsonValue> {
  return async ({ id, workspace, payload, attempt, signal }): Promise<JsonValue> => {
    const record = await findWebhookRecord(options.store, workspace, payload.webhookId);
    if (record === undefined) return { skipped: 'the webhook was deleted' };
    const webhook = toWebhook(record);
    if (!webhook.active && payload.event !== 'ping') return { skipped: 'the webhook is inactive' };
    const started = options.clock();
    const timestamp = Math.floor(started.getTime() / 1000);
    let status: number | null = null;
    let failure: string | null = null;
    try {
      const url = checkWebhookUrl(webhook.url);
      checkLiteralHost(url, options.allowPrivate);
      status = await postJson(url, payload.body, {
        headers: {
          'user-agent': `allot-webhooks/${SERVER_VERSION}`,
          [EVENT_HEADER]: payload.event,
          [DELIVERY_HEADER]: payload.deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, payload.body),
        },
        lookup: guardedLookup(options.allowPrivate),
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (status < 200 || status > 299) failure = `the receiver answered ${status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const logged: WebhookAttempt = {
      webhookId: webhook.id,
      deliveryId: payload.deliveryId,
      queuedJobId: id,
      event: payload.event as WebhookEventKind,
      attempt,
      url: webhook.url,
      at: started.toISOString(),
      status,
      durationMs: options.clock().getTime() - started.getTime(),
      ok: failure === null,
      error: failure,
    };
    await recordWebhookAttempt(options.store, workspace, logged);
    options.onAttempt?.(logged);
    if (failure !== null) throw new Error(`delivery to ${webhook.url} failed: ${failure}`);
    return { status, attempt };
  };
}
