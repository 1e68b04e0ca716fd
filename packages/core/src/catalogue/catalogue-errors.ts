import { AllotError } from '../errors.js';
import type { CatalogueLock } from './catalogue-record.js';

/** What a catalogue error names: the record by kind, name and version. */
interface RecordRef {
  kind: string;
  name: string;
  version: string;
}

/**
 * A catalogue record is locked by someone else: the lock, the put, the
 * unlock or the delete asked for was refused. `holder` names who holds it,
 * so the caller can ask them, or an admin can force it.
 */
export class CatalogueLockedError extends AllotError {
  readonly holder: string;

  constructor(record: RecordRef, lock: CatalogueLock) {
    super(
      'CATALOGUE_LOCKED',
      `${record.kind} "${record.name}" ${record.version} is locked by ${lock.holder} since ${lock.since}`,
      { ...record, holder: lock.holder, since: lock.since, timeoutSeconds: lock.timeoutSeconds },
    );
    this.name = 'CatalogueLockedError';
    this.holder = lock.holder;
  }
}

/** A put expected another latest version of the name (someone put a version first). */
export class CatalogueVersionConflictError extends AllotError {
  constructor(name: Omit<RecordRef, 'version'>, expected: string | null, latest: string | null) {
    const found = latest === null ? 'it has no version' : `its latest version is ${latest}`;
    const wanted = expected === null ? 'no version' : `version ${expected}`;
    super(
      'VERSION_CONFLICT',
      `${name.kind} "${name.name}": expected ${wanted} as the latest, but ${found}`,
      { ...name, expected, latest },
    );
    this.name = 'CatalogueVersionConflictError';
  }
}
