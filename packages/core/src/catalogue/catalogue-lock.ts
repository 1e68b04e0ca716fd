import { AllotError } from '../errors.js';
import { CatalogueLockedError } from './catalogue-errors.js';
import type {
  CatalogueLock,
  CatalogueLockRequest,
  CatalogueRecord,
  CatalogueUnlockRequest,
} from './catalogue-record.js';

/** A record's lock if it still holds at `now`; a lock past its timeout counts as no lock. */
export function liveLock(lock: CatalogueLock | null, now: Date): CatalogueLock | null {
  if (lock === null || lock.timeoutSeconds === null) return lock;
  const ends = Date.parse(lock.since) + lock.timeoutSeconds * 1000;
  return ends > now.getTime() ? lock : null;
}

/**
 * Refuses a change of `record` by `actor` while someone else holds its
 * lock, unless forced.
 *
 * @throws {@link CatalogueLockedError} naming the holder.
 */
export function assertUnlockedFor(
  record: CatalogueRecord,
  actor: string,
  force: boolean | undefined,
  now: Date,
): void {
  const lock = liveLock(record.lock, now);
  if (lock !== null && lock.holder !== actor && force !== true)
    throw new CatalogueLockedError(record, lock);
}

/**
 * The lock a lock request leaves on `record`: a new lock when it is free
 * (or its lock has lapsed), a renewed one when the holder asks again, the
 * requester's when forced.
 *
 * @throws {@link CatalogueLockedError} when someone else holds it and the request is not forced.
 * @throws {@link AllotError} `INVALID_INPUT` for a timeout that is not a positive whole number.
 */
export function lockFor(
  record: CatalogueRecord,
  request: CatalogueLockRequest,
  now: Date,
): CatalogueLock {
  const timeoutSeconds = request.timeoutSeconds ?? null;
  if (timeoutSeconds !== null && !(Number.isInteger(timeoutSeconds) && timeoutSeconds > 0)) {
    throw new AllotError('INVALID_INPUT', 'a lock timeout is a positive whole number of seconds', {
      field: 'timeoutSeconds',
    });
  }
  requireHolder(request.holder);
  assertUnlockedFor(record, request.holder, request.force, now);
  return { holder: request.holder, since: now.toISOString(), timeoutSeconds };
}

/**
 * Checks an unlock request: the holder may unlock, anyone may "unlock" a
 * free record (nothing changes), someone else only by force.
 *
 * @throws {@link CatalogueLockedError} when someone else holds it and the request is not forced.
 */
export function checkUnlock(
  record: CatalogueRecord,
  request: CatalogueUnlockRequest,
  now: Date,
): void {
  requireHolder(request.holder);
  assertUnlockedFor(record, request.holder, request.force, now);
}

function requireHolder(holder: string): void {
  if (typeof holder !== 'string' || holder.length === 0)
    throw new AllotError('INVALID_INPUT', 'a lock needs a holder', { field: 'holder' });
}
