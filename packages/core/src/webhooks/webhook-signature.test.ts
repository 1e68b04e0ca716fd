import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'whsec_0123456789abcdef';
const NOW = new Date('2026-01-01T00:00:00Z');
const T = NOW.getTime() / 1000;

describe('webhook signatures', () => {
  it('signs timestamp.body with HMAC-SHA256 (a value computed elsewhere)', () => {
    // printf '1767225600.{"a":1}' | openssl dgst -sha256 -hmac whsec_0123456789abcdef
    expect(signWebhook(SECRET, T, '{"a":1}')).toBe(
      'v1=a53ca153542dda924719487a749eff27f82654b84c58882e4310887580830628',
    );
  });

  it('accepts its own signature and rejects a changed body, secret or time', () => {
    const body = '{"kind":"ping"}';
    const signature = signWebhook(SECRET, T, body);
    const timestamp = String(T);
    expect(verifyWebhook(SECRET, { body, signature, timestamp }, NOW)).toBe('ok');
    expect(verifyWebhook(SECRET, { body: `${body} `, signature, timestamp }, NOW)).toBe(
      'bad-signature',
    );
    expect(verifyWebhook('other-secret', { body, signature, timestamp }, NOW)).toBe(
      'bad-signature',
    );
    expect(verifyWebhook(SECRET, { body, signature, timestamp: String(T + 1) }, NOW)).toBe(
      'bad-signature',
    );
    expect(verifyWebhook(SECRET, { body, signature: undefined, timestamp }, NOW)).toBe('missing');
  });

  it('rejects a replay older than five minutes', () => {
    const body = '{}';
    const old = T - 301;
    const delivery = { body, signature: signWebhook(SECRET, old, body), timestamp: String(old) };
    expect(verifyWebhook(SECRET, delivery, NOW)).toBe('too-old');
    const recent = T - 299;
    expect(
      verifyWebhook(
        SECRET,
        { body, signature: signWebhook(SECRET, recent, body), timestamp: String(recent) },
        NOW,
      ),
    ).toBe('ok');
  });
});
