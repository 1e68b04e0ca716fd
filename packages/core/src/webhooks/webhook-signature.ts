import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a delivery's signature: `v1=` and the hex HMAC-SHA256. */
export const SIGNATURE_HEADER = 'x-allot-signature';
/** The header carrying the Unix time (seconds) the delivery was signed at. */
export const TIMESTAMP_HEADER = 'x-allot-timestamp';
/** How old a signed delivery may be before a receiver should reject it as a replay; 5 minutes. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Signs a delivery: HMAC-SHA256 with the webhook's secret over
 * `timestamp + "." + body`, as `v1=<hex>`. The timestamp is inside the MAC
 * so that an old delivery cannot be replayed under a new time.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `v1=${mac}`;
}

/** What {@link verifyWebhook} checks: the raw body and the two headers as received. */
export interface SignedDelivery {
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

/** Why {@link verifyWebhook} rejected a delivery, or `ok`. */
export type WebhookVerdict = 'ok' | 'missing' | 'bad-signature' | 'too-old';

/**
 * What a receiver does with a delivery: recompute the signature over the
 * raw body (before any JSON parsing) and compare in constant time, then
 * reject a timestamp more than `toleranceSeconds` from `now` either way.
 */
export function verifyWebhook(
  secret: string,
  delivery: SignedDelivery,
  now: Date = new Date(),
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): WebhookVerdict {
  const { signature, timestamp, body } = delivery;
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return 'missing';
  }
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return 'too-old';
  return 'ok';
}
