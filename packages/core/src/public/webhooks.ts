/** @allot/core's public API, webhook events and their signatures: re-exported whole by the package's index. */
export { isWebhookEventKind, WEBHOOK_EVENT_KINDS } from '../webhooks/webhook-event.js';
export type { WebhookEvent, WebhookEventKind } from '../webhooks/webhook-event.js';
export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  TIMESTAMP_HEADER,
  signWebhook,
  verifyWebhook,
} from '../webhooks/webhook-signature.js';
export type { SignedDelivery, WebhookVerdict } from '../webhooks/webhook-signature.js';
export {
  MIN_WEBHOOK_SECRET_LENGTH,
  checkWebhookInput,
  checkWebhookUrl,
} from '../webhooks/webhook-record.js';
export type { Webhook, WebhookInput } from '../webhooks/webhook-record.js';
export type { WebhookAttempt } from '../webhooks/webhook-attempt.js';
