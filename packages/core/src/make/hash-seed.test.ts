import { describe, expect, it } from 'vitest';
import { hashSeed } from './hash-seed.js';

describe('hashSeed', () => {
  it('is a stable unsigned 32-bit number', () => {
    const hash = hashSeed('seed', 'shop');
    expect(hash).toBe(hashSeed('seed', 'shop'));
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
  });

  it('keeps part boundaries apart', () => {
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
  });
});
