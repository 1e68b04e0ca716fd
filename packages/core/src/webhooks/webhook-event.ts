import type { JsonValue } from '../queue/work-queue.js';

/**
 * The kinds of event a webhook may subscribe to. `ping` is not among them:
 * it goes only to the webhook whose test asked for it.
 */
export const WEBHOOK_EVENT_KINDS = [
  'job.completed',
  'job.failed',
  'dataset.completed',
  'dataset.failed',
  'schema.uploaded',
  'project.created',
] as const;

/** One of {@link WEBHOOK_EVENT_KINDS}, or `ping` (a webhook's test). */
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number] | 'ping';

/**
 * A change of state worth telling a workspace's webhooks about. The
 * deliveries take events in this shape from whatever records them, so that
 * any event source plugs in by calling one function.
 */
export interface WebhookEvent {
  kind: WebhookEventKind;
  workspace: string;
  /** What the event is about, e.g. `job:41`; null when nothing in particular. */
  subject: string | null;
  /** ISO time the event happened. */
  at: string;
  /** Event-specific facts, as receivers see them under `data`. */
  details: { [key: string]: JsonValue };
}

/** True when `kind` is one a webhook can subscribe to. */
export function isWebhookEventKind(kind: string): kind is (typeof WEBHOOK_EVENT_KINDS)[number] {
  return (WEBHOOK_EVENT_KINDS as readonly string[]).includes(kind);
}
