import { AllotError } from '../errors.js';
import { CatalogueVersionConflictError } from './catalogue-errors.js';
import { newCatalogueId } from './catalogue-id.js';
import { assertUnlockedFor, liveLock } from './catalogue-lock.js';
import type { CatalogueName, CataloguePut, CatalogueRecord } from './catalogue-record.js';
import { nextCatalogueVersion } from './catalogue-version.js';

/**
 * The record a put stores, given the latest version of its name: the
 * domain rules every adapter shares. An adapter reads the latest version
 * and inserts the result inside one critical section of the name (a mutex,
 * a lock), which is what keeps concurrent puts from getting one version.
 *
 * The new version carries the latest one's lock when the putter holds it,
 * so a holder keeps the record locked across its own edits.
 *
 * @throws {@link CatalogueVersionConflictError} when `expectedVersion` is not the latest.
 * @throws {@link CatalogueLockedError} when someone else holds the latest version's lock.
 * @throws {@link AllotError} `INVALID_INPUT` for a malformed put.
 */
export function planCataloguePut(
  latest: CatalogueRecord | undefined,
  put: CataloguePut,
  now: Date,
): CatalogueRecord {
  checkName(put);
  if (typeof put.actor !== 'string' || put.actor.length === 0)
    throw new AllotError('INVALID_INPUT', 'a put needs an actor', { field: 'actor' });
  if (!isBody(put.body))
    throw new AllotError('INVALID_INPUT', 'a record body must be JSON or bytes', {
      field: 'body',
    });
  if (put.expectedVersion !== undefined && put.expectedVersion !== (latest?.version ?? null))
    throw new CatalogueVersionConflictError(put, put.expectedVersion, latest?.version ?? null);
  if (latest !== undefined) assertUnlockedFor(latest, put.actor, put.force, now);
  const at = now.toISOString();
  const held = latest === undefined ? null : liveLock(latest.lock, now);
  return {
    kind: put.kind,
    workspace: put.workspace,
    project: put.project,
    name: put.name,
    id: put.keepId === true && latest !== undefined ? latest.id : newCatalogueId(),
    version: nextCatalogueVersion(latest?.version, put.scheme),
    body: put.body,
    createdBy: latest?.createdBy ?? put.actor,
    createdAt: latest?.createdAt ?? at,
    updatedBy: put.actor,
    updatedAt: at,
    lock: held !== null && held.holder === put.actor ? held : null,
  };
}

/**
 * A body a store can keep: bytes or text as they are (a file's pieces: no
 * need to serialise half a megabyte to learn it can be), else JSON.
 */
function isBody(body: unknown): boolean {
  if (typeof body === 'string' || body instanceof Uint8Array) return true;
  return body !== undefined && JSON.stringify(body) !== undefined;
}

/** Refuses an empty kind or name, or a project that is not a non-empty text or null. */
export function checkName(name: CatalogueName): void {
  for (const field of ['kind', 'name', 'workspace'] as const) {
    if (typeof name[field] !== 'string' || name[field].length === 0)
      throw new AllotError('INVALID_INPUT', `a catalogue record needs a ${field}`, { field });
  }
  if (name.project !== null && (typeof name.project !== 'string' || name.project.length === 0))
    throw new AllotError('INVALID_INPUT', 'a project is a non-empty text or null', {
      field: 'project',
    });
}
