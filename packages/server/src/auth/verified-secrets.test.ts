import { describe, expect, it } from 'vitest';
import { hashSecret, issueKey, parseKey } from './api-key.js';
import { VerifiedSecrets } from './verified-secrets.js';

describe('VerifiedSecrets', () => {
  const issued = issueKey();
  const secret = parseKey(issued.key)!.secret;

  it('accepts the secret of a hash, again and again', () => {
    const verified = new VerifiedSecrets();
    expect(verified.matches(secret, issued.secretHash)).toBe(true);
    expect(verified.matches(secret, issued.secretHash)).toBe(true);
  });

  it('rejects a wrong secret, also after the right one was remembered', () => {
    const verified = new VerifiedSecrets();
    expect(verified.matches(secret, issued.secretHash)).toBe(true);
    expect(verified.matches(`${secret}x`, issued.secretHash)).toBe(false);
  });

  it('rejects a remembered secret once the stored hash changed (a rotation)', () => {
    const verified = new VerifiedSecrets();
    expect(verified.matches(secret, issued.secretHash)).toBe(true);
    expect(verified.matches(secret, hashSecret('another secret'))).toBe(false);
  });

  it('keeps working past its capacity', () => {
    const verified = new VerifiedSecrets();
    const keys = Array.from({ length: 1500 }, () => issueKey());
    for (const key of keys) {
      expect(verified.matches(parseKey(key.key)!.secret, key.secretHash)).toBe(true);
    }
    for (const key of keys.slice(0, 10)) {
      expect(verified.matches(parseKey(key.key)!.secret, key.secretHash)).toBe(true);
    }
  });
});
