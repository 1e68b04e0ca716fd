import { AllotError } from '../errors.js';
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind } from './webhook-event.js';

/** A workspace's webhook as stored (the secret included: deliveries are signed with it). */
export interface Webhook {
  /** The catalogue id: 24 lowercase hex characters. */
  id: string;
  workspace: string;
  url: string;
  events: WebhookEventKind[];
  /** Never returned by the API: write-only. */
  secret: string;
  active: boolean;
  description: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What a caller may set on a webhook. */
export interface WebhookInput {
  url?: string;
  events?: readonly string[];
  secret?: string;
  active?: boolean;
  description?: string | null;
}

/** Shortest secret accepted: a shorter one is guessable by brute force. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

function invalid(field: string, message: string): AllotError {
  return new AllotError('INVALID_INPUT', message, { field });
}

/** Throws INVALID_INPUT naming `url` unless it is an absolute http(s) URL without credentials. */
export function checkWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', `url must be an absolute http or https URL; got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid('url', `url must use http or https; got ${parsed.protocol}`);
  }
  // Credentials in the URL would be sent to, and logged by, every proxy on the way.
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('url', 'url must not carry a user name or password');
  }
  return parsed;
}

/** Checks what a caller set and returns the event kinds deduplicated, in the canonical order. */
export function checkWebhookInput(input: WebhookInput): { events?: WebhookEventKind[] } {
  if (input.url !== undefined) checkWebhookUrl(input.url);
  if (input.secret !== undefined && input.secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw invalid('secret', `secret must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`);
  }
  if (input.events === undefined) return {};
  if (input.events.length === 0) throw invalid('events', 'events must name at least one kind');
  const unknown = input.events.find(
    (kind) => !(WEBHOOK_EVENT_KINDS as readonly string[]).includes(kind),
  );
  if (unknown !== undefined) {
    throw invalid(
      'events',
      `events may hold ${WEBHOOK_EVENT_KINDS.join(', ')}; got ${JSON.stringify(unknown)}`,
    );
  }
  return { events: WEBHOOK_EVENT_KINDS.filter((kind) => input.events?.includes(kind)) };
}
