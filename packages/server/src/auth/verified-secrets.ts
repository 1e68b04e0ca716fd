import { secretMatches } from './api-key.js';

/** Presented secrets remembered before the oldest are forgotten. */
const CAPACITY = 1024;

/**
 * Remembers which presented secret matched which stored hash, so a suite
 * reading thousands of results with one key pays for one sha256, not one per
 * request. Only secrets that matched are remembered, and the match is checked
 * against the hash stored now: a rotated key (new hash) misses and is checked
 * in full, and the caller still reads the key record on every request, so a
 * revocation takes effect on the next one. A secret that is not remembered
 * is compared in constant time; the lookup itself hashes the whole presented
 * string (V8 seeds its string hashes per process), so its timing tells an
 * attacker nothing about a stored secret.
 */
export class VerifiedSecrets {
  readonly #hashBySecret = new Map<string, string>();

  matches(secret: string, secretHash: string): boolean {
    if (this.#hashBySecret.get(secret) === secretHash) return true;
    if (!secretMatches(secret, secretHash)) return false;
    if (this.#hashBySecret.size >= CAPACITY) this.#hashBySecret.clear();
    this.#hashBySecret.set(secret, secretHash);
    return true;
  }
}
