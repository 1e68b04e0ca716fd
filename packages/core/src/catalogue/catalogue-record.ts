import type { Page } from '../store/page.js';

/**
 * How a catalogue numbers the versions of a name: `two-part` gives 1.0,
 * 1.1, 1.2 …; `three-part` gives 1.0.0, 1.0.1 … (for kinds whose
 * reference addresses versions in three parts).
 */
export type CatalogueVersionScheme = 'two-part' | 'three-part';

/** Where a record's versions live: one name of one kind in one project (or none) of a workspace. */
export interface CatalogueName {
  /** What the record is (`coverage-set`, `workset`, …): the catalogue stores any kind alike. */
  kind: string;
  workspace: string;
  /** The project the record belongs to, or null for a record of the workspace itself. */
  project: string | null;
  name: string;
}

/** A lock on a catalogue record: only its holder may change, lock or delete the record while it lasts. */
export interface CatalogueLock {
  /** Who holds it (a user or key id). */
  holder: string;
  /** ISO time the lock was taken (or last renewed by its holder). */
  since: string;
  /** Seconds after `since` when the lock lapses by itself; null for a lock that lasts until unlocked. */
  timeoutSeconds: number | null;
}

/** One version of a named record in the catalogue. Versions are never changed, only locked, unlocked or deleted. */
export interface CatalogueRecord extends CatalogueName {
  /** 24 lowercase hex characters; each version its own unless put with `keepId`. */
  id: string;
  /** `1.0`, `1.1` … or `1.0.0`, `1.0.1` …, given by the catalogue. */
  version: string;
  /** The record's content, opaque to the catalogue: a `Buffer` when it was put as bytes. */
  body: unknown;
  /** Who put the first version of the name, and when (ISO). */
  createdBy: string;
  createdAt: string;
  /** Who put this version, and when (ISO). */
  updatedBy: string;
  updatedAt: string;
  lock: CatalogueLock | null;
}

/** A new version of a name, numbered by the catalogue. */
export interface CataloguePut extends CatalogueName {
  /**
   * Any JSON value; or a `Uint8Array`, a body of bytes (a piece of a
   * generated file): stored as the bytes themselves, never as text or JSON,
   * and read back as a `Buffer`. The store is done with the caller's bytes
   * when the put resolves, so the caller may reuse their memory then.
   */
  body: unknown;
  /** Who puts it: becomes `updatedBy` (and `createdBy` of a first version). */
  actor: string;
  /** Numbering of a first version; later versions must use the scheme of the name (default `two-part`). */
  scheme?: CatalogueVersionScheme;
  /** Gives the new version the id of the latest one, as records addressed by one lasting id need. */
  keepId?: boolean;
  /**
   * Compare-and-set on the latest version: the put fails with
   * `VERSION_CONFLICT` unless the latest version is this one
   * (null: unless the name has no version yet). Omitted: no check.
   */
  expectedVersion?: string | null;
  /** Puts over a lock held by someone else (an admin's override). */
  force?: boolean;
  /**
   * Versions of other records the new version names, checked in the put's
   * own atomic step: a delete of one of them at the same moment comes
   * either before (the put fails `NOT_FOUND`) or after (the delete's
   * {@link CatalogueDelete.unlessUsedBy} sees the new version).
   */
  requires?: readonly CatalogueRequirement[];
}

/** A version of a record that must exist for a put to be stored. */
export interface CatalogueRequirement extends CatalogueName {
  version: string;
  /** The input field that names it, for the refusal's message and details. */
  field?: string;
}

/**
 * Which records would be left naming a record that is gone: those of
 * `kind` in the deleted record's project (every version) whose body
 * `uses` it.
 */
export interface CatalogueUsers {
  kind: string;
  uses(body: unknown): boolean;
}

/** A request to lock a record. */
export interface CatalogueLockRequest {
  holder: string;
  /** Seconds until the lock lapses; null or omitted for a lock that lasts until unlocked. */
  timeoutSeconds?: number | null;
  /** Takes the lock even when someone else holds it (an admin's override). */
  force?: boolean;
}

/** A request to unlock a record. */
export interface CatalogueUnlockRequest {
  /** Who asks: the holder, unless `force`. */
  holder: string;
  /** Breaks a lock held by someone else (an admin's override). */
  force?: boolean;
}

/** What to delete: one version of a name, or all of them. */
export interface CatalogueDelete extends CatalogueName {
  /** The version to delete; omitted: every version of the name. */
  version?: string;
  /** Who deletes: a version locked by someone else stays, unless `force`. */
  actor: string;
  force?: boolean;
  /**
   * Refuses the delete (`IN_USE`) while a record uses it, checked in the
   * delete's own atomic step, so no put carrying a
   * {@link CataloguePut.requires} of it can slip in between. Several
   * kinds may use a record (a schema: constraint sets and datasets): give
   * each, and the first user found in their order is named.
   */
  unlessUsedBy?: CatalogueUsers | readonly CatalogueUsers[];
}

/** A listing of one kind of record in a workspace. */
export interface CatalogueQuery {
  workspace: string;
  kind: string;
  /** Only records of this project (null: only those of no project); omitted: any. */
  project?: string | null;
  /** Only names that start with this text (case-sensitive). */
  namePrefix?: string;
  /** Only the latest version of each name. */
  latestOnly?: boolean;
  page: Page;
}
