import type { PasswordHash } from '@allot/core';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's costs for new passwords: N = 2^15, r = 8, p = 1, 32 MiB of
 * memory per hash (measured about 340 ms on a busy 2-core machine; it runs
 * on libuv's thread pool, not the event loop). OWASP's table pairs this N
 * with p = 3; raising p costs that many times the CPU per login. Stored
 * with each hash, so raising them later leaves older passwords verifiable.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** Longest password accepted: bounds the work one request can ask for. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, hash: Omit<PasswordHash, 'salt' | 'hash'>) {
  const options: ScryptOptions = {
    N: hash.cost,
    r: hash.blockSize,
    p: hash.parallelism,
    // Node refuses more than 32 MiB by default, which is exactly what N = 2^15, r = 8 takes.
    maxmem: 256 * hash.cost * hash.blockSize,
  };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, hash.keyLength, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const parameters = {
    algorithm: 'scrypt' as const,
    cost: COST,
    blockSize: BLOCK_SIZE,
    parallelism: PARALLELISM,
    keyLength: KEY_LENGTH,
  };
  const key = await derive(password, salt, parameters);
  return { ...parameters, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** True when the password is the one hashed, compared in constant time. */
export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the user does not exist, so both answers take as long. */
let decoy: Promise<PasswordHash> | undefined;
export function decoyHash(): Promise<PasswordHash> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
