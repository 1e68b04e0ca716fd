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

/**
 * A delete was refused because a record still uses the record to delete
 * (see `CatalogueDelete.unlessUsedBy`); `user` names the first such
 * version, so the caller can delete or update it first.
 */
export class CatalogueInUseError extends AllotError {
  readonly user: RecordRef;

  constructor(target: Omit<RecordRef, 'version'>, user: RecordRef) {
    super(
      'IN_USE',
      `${target.kind} "${target.name}" is used by ${user.kind} "${user.name}" ${user.version}: delete or update the ${user.kind} first`,
      { ...target, user: { kind: user.kind, name: user.name, version: user.version } },
    );
    this.name = 'CatalogueInUseError';
    this.user = { kind: user.kind, name: user.name, version: user.version };
  }
}

/** A put named a version of a record (`CataloguePut.requires`) that does not exist. */
export function catalogueRequirementMissing(missing: RecordRef & { field?: string }): AllotError {
  const field = missing.field;
  return new AllotError(
    'NOT_FOUND',
    `${field === undefined ? '' : `${field}: `}no ${missing.kind} "${missing.name}" ${missing.version}`,
    {
      kind: missing.kind,
      name: missing.name,
      version: missing.version,
      ...(field === undefined ? {} : { field }),
    },
  );
}
