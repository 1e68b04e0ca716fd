import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches } from './password-hash.js';

describe('password hashes', () => {
  it('salts each hash, keeps its parameters, and matches only the password hashed', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatchObject({ algorithm: 'scrypt', cost: 32768, blockSize: 8, parallelism: 1 });
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(JSON.stringify(first)).not.toContain('horse');
    expect(await passwordMatches('correct horse battery', first)).toBe(true);
    expect(await passwordMatches('correct horse batterY', first)).toBe(false);
  });

  it('verifies a hash made with other parameters by the parameters stored with it', async () => {
    const stored = await hashPassword('pw-one-two-three');
    // Same digest, other cost: the cost stored is the one used, so it no longer matches.
    const cheaper = { ...stored, cost: 1024 };
    expect(await passwordMatches('pw-one-two-three', cheaper)).toBe(false);
  });
});
