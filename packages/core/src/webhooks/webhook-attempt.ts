import type { WebhookEventKind } from './webhook-event.js';

/** One attempt to deliver an event to a webhook, as the delivery log keeps it. */
export interface WebhookAttempt {
  webhookId: string;
  /** The same for every attempt of one delivery; receivers deduplicate on it. */
  deliveryId: string;
  /** The queued job delivering it (`/api/v1/queue/{id}`). */
  queuedJobId: string;
  event: WebhookEventKind;
  /** 1 for the first attempt. */
  attempt: number;
  url: string;
  /** ISO time the attempt started. */
  at: string;
  /** The receiver's HTTP status; null when no response came (refused, timed out). */
  status: number | null;
  durationMs: number;
  /** True for a 2xx answer. */
  ok: boolean;
  /** Why it failed, when it did. */
  error: string | null;
}
