import type { ApiKeyRecord } from '@allot/core';
import { parseKey, secretMatches } from './api-key.js';
import { authContextOf, type AuthContext } from './auth-context.js';

/** Presented keys remembered before the oldest are forgotten. */
const CAPACITY = 1024;

/** A presented key that matched a key record, and what the request path derives from it. */
export interface KnownKey {
  /** The key's id: the record to read again on every request. */
  id: string;
  /** A copy of the record the key was verified against, as it was then. */
  record: Readonly<ApiKeyRecord>;
  /** The caller this record makes: shared by every request with the key, never changed. */
  caller: AuthContext;
  /** The key's rate-limit bucket. */
  bucket: string;
}

/**
 * Remembers which presented keys matched which key record, so that a suite
 * reading thousands of results with one key pays for the parse, the sha256
 * and the caller once, not on every request. The record itself is still
 * read on every request, and a remembered key counts only while that
 * record grants what it granted when the secret was checked: a revocation,
 * a rotation (new hash) or a change of role or owner, made by this process
 * or by any replica on the same store, takes effect on the next request.
 * Only keys that matched are remembered; a key that is not is checked in
 * constant time. The lookup hashes the whole presented string (V8 seeds its
 * string hashes per process), so its timing tells nothing about a secret.
 */
export class KnownKeys {
  readonly #byKey = new Map<string, KnownKey>();

  /** The remembered key of a presented string, before its record is read again. */
  get(presented: string): KnownKey | undefined {
    return this.#byKey.get(presented);
  }

  /**
   * Whether `record` (read now) still grants what the remembered key was
   * verified against; forgets the key when it does not.
   */
  stillGrants(presented: string, known: KnownKey, record: ApiKeyRecord | undefined): boolean {
    if (record !== undefined && sameGrant(record, known.record)) return true;
    this.#byKey.delete(presented);
    return false;
  }

  /**
   * Checks a presented key against its record, read now, and remembers it when it matches; undefined for a malformed, unknown,
   * revoked or wrong key.
   */
  async verify(
    presented: string,
    read: (id: string) => Promise<ApiKeyRecord | undefined>,
  ): Promise<KnownKey | undefined> {
    const parsed = parseKey(presented);
    if (parsed === undefined) return undefined;
    const record = await read(parsed.id);
    if (record === undefined || record.revokedAt !== null) return undefined;
    if (!secretMatches(parsed.secret, record.secretHash)) return undefined;
    if (this.#byKey.size >= CAPACITY) this.#byKey.clear();
    // A copy: a store that changed its record in place must not change what was checked.
    const known: KnownKey = {
      id: record.id,
      record: Object.freeze({ ...record }),
      caller: Object.freeze(authContextOf(record)),
      bucket: `key:${record.id}`,
    };
    this.#byKey.set(presented, known);
    return known;
  }
}

/** Same key, same secret, same grant: every field the caller and the check read. */
function sameGrant(now: ApiKeyRecord, then: ApiKeyRecord): boolean {
  return (
    now.revokedAt === null &&
    now.secretHash === then.secretHash &&
    now.id === then.id &&
    now.workspace === then.workspace &&
    now.role === then.role &&
    now.name === then.name &&
    now.userId === then.userId
  );
}
