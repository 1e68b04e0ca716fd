import type { CatalogueName } from '../catalogue/catalogue-record.js';
import { compareCatalogueRecords } from '../catalogue/catalogue-order.js';
import { compareVersions } from '../data-block/next-version.js';
import type { StoredCatalogueRecord } from './store-document.js';

/** The versions of one name (or of one id), oldest first. */
type Versions = StoredCatalogueRecord[];

/** The names of one kind, each as its versions, in catalogue order. */
type KindNames = Versions[];

const NONE: readonly StoredCatalogueRecord[] = Object.freeze([]);

/**
 * The records of one workspace's catalogue by name, by id and by kind, so a
 * read costs the records it answers with rather than a scan of the whole
 * catalogue (thousands of records once a dataset's file pieces are in it).
 * It answers for exactly the records it was built from and then told of:
 * the document catalogue keeps one per catalogue map and moves it to the
 * map that replaces it only after that map was saved.
 */
export class CatalogueIndex {
  readonly #byName = new Map<string, Versions>();
  readonly #byId = new Map<string, Versions>();
  readonly #byKind = new Map<string, KindNames>();

  /** An index of the records of a catalogue map. */
  static of(records: Iterable<StoredCatalogueRecord>): CatalogueIndex {
    const index = new CatalogueIndex();
    for (const record of records) index.set(record);
    return index;
  }

  /** The versions of a name, oldest first (not to be changed by the caller). */
  versionsOf(name: Omit<CatalogueName, 'workspace'>): readonly StoredCatalogueRecord[] {
    return this.#byName.get(nameKey(name)) ?? NONE;
  }

  /** The versions holding an id, oldest first (not to be changed by the caller). */
  versionsWithId(id: string): readonly StoredCatalogueRecord[] {
    return this.#byId.get(id) ?? NONE;
  }

  /** The names of a kind, each as its versions oldest first, in catalogue order. */
  namesOfKind(kind: string): readonly (readonly StoredCatalogueRecord[])[] {
    return this.#byKind.get(kind) ?? NONE_NAMES;
  }

  /** Adds a record, or replaces the one of the same name and version. */
  set(record: StoredCatalogueRecord): void {
    const key = nameKey(record);
    let versions = this.#byName.get(key);
    if (versions === undefined) {
      versions = [];
      this.#byName.set(key, versions);
      let names = this.#byKind.get(record.kind);
      if (names === undefined) this.#byKind.set(record.kind, (names = []));
      names.splice(nameSlot(names, record), 0, versions);
    }
    const replaced = putVersion(versions, record);
    if (replaced !== undefined && replaced.id !== record.id) this.#dropId(replaced);
    let ids = this.#byId.get(record.id);
    if (ids === undefined) this.#byId.set(record.id, (ids = []));
    putVersion(ids, record);
  }

  /** Removes the record of a name and version, if there is one. */
  remove(record: StoredCatalogueRecord): void {
    const key = nameKey(record);
    const versions = this.#byName.get(key);
    if (versions === undefined) return;
    // Found while the name still has a version to compare by.
    const names = this.#byKind.get(record.kind)!;
    const slot = versions.length === 1 ? nameSlot(names, record) : -1;
    const gone = dropVersion(versions, record);
    if (gone === undefined) return;
    if (versions.length === 0) {
      this.#byName.delete(key);
      names.splice(slot, 1);
      if (names.length === 0) this.#byKind.delete(record.kind);
    }
    this.#dropId(gone);
  }

  #dropId(record: StoredCatalogueRecord): void {
    const ids = this.#byId.get(record.id);
    if (ids === undefined) return;
    dropVersion(ids, record);
    if (ids.length === 0) this.#byId.delete(record.id);
  }
}

const NONE_NAMES: readonly (readonly StoredCatalogueRecord[])[] = Object.freeze([]);

function nameKey(name: Omit<CatalogueName, 'workspace'>): string {
  return JSON.stringify([name.kind, name.project, name.name]);
}

/** The same entry of the document: its key (catalogueKey) is made of these. */
function sameVersion(a: StoredCatalogueRecord, b: StoredCatalogueRecord): boolean {
  return (
    a.kind === b.kind && a.project === b.project && a.name === b.name && a.version === b.version
  );
}

/** Where a name's versions sit among its kind's names (binary search on project and name). */
function nameSlot(names: KindNames, record: StoredCatalogueRecord): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = names[middle]![0]!;
    // Compared as of one version, so that only project and name decide.
    if (compareCatalogueRecords(other, { ...record, version: other.version }) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The slot of a version: the first whose version is not older. */
function versionSlot(versions: Versions, version: string): number {
  let low = 0;
  let high = versions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareVersions(versions[middle]!.version, version) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts a record among versions, replacing the same name's same version: the record replaced, if any. */
function putVersion(
  versions: Versions,
  record: StoredCatalogueRecord,
): StoredCatalogueRecord | undefined {
  let at = versionSlot(versions, record.version);
  for (; at < versions.length && compareVersions(versions[at]!.version, record.version) === 0; at++)
    if (sameVersion(versions[at]!, record)) {
      const replaced = versions[at];
      versions[at] = record;
      return replaced;
    }
  versions.splice(at, 0, record);
  return undefined;
}

/** Takes the same name's same version out of versions: the record taken, if any. */
function dropVersion(
  versions: Versions,
  record: StoredCatalogueRecord,
): StoredCatalogueRecord | undefined {
  for (
    let at = versionSlot(versions, record.version);
    at < versions.length && compareVersions(versions[at]!.version, record.version) === 0;
    at++
  )
    if (sameVersion(versions[at]!, record)) return versions.splice(at, 1)[0];
  return undefined;
}
