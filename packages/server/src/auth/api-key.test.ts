import { describe, expect, test } from 'vitest';
import { hashSecret, issueKey, parseKey, secretMatches } from './api-key.js';

describe('API keys', () => {
  test('a key has the allot_ prefix, its id, and a secret stored only as a hash', () => {
    const issued = issueKey();
    expect(issued.key).toMatch(/^allot_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseKey(issued.key);
    expect(parsed?.id).toBe(issued.id);
    expect(issued.secretHash).toBe(hashSecret(parsed?.secret ?? ''));
    expect(issued.secretHash).not.toContain(parsed?.secret);
    expect(secretMatches(parsed?.secret ?? '', issued.secretHash)).toBe(true);
  });

  test('a secret holding underscores still parses', () => {
    expect(parseKey('allot_0123456789abcdef_a_b_c')).toEqual({
      id: '0123456789abcdef',
      secret: 'a_b_c',
    });
  });

  test('malformed keys and wrong secrets are refused', () => {
    for (const key of [
      '',
      'allot_',
      'allot_xyz_secret',
      'other_0123456789abcdef_s',
      'allot_0123456789abcdef_',
    ]) {
      expect(parseKey(key), key).toBeUndefined();
    }
    const issued = issueKey();
    expect(secretMatches('wrong', issued.secretHash)).toBe(false);
    expect(secretMatches('x', 'not hex')).toBe(false);
  });

  test('a rotation keeps the id and changes the secret', () => {
    const first = issueKey();
    const rotated = issueKey(first.id);
    expect(rotated.id).toBe(first.id);
    expect(rotated.secretHash).not.toBe(first.secretHash);
  });
});
