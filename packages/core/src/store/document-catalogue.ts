import { assertUnlockedFor, checkUnlock, lockFor } from '../catalogue/catalogue-lock.js';
import { compareCatalogueRecords } from '../catalogue/catalogue-order.js';
import type {
  CatalogueDelete,
  CatalogueLock,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueUnlockRequest,
} from '../catalogue/catalogue-record.js';
import { compareVersions } from '../data-block/next-version.js';
import { checkName, planCataloguePut } from '../catalogue/plan-catalogue-put.js';
import { AllotError } from '../errors.js';
import type { CatalogueStore } from './catalogue-store.js';
import { draftWorkspace } from './draft-workspace.js';
import type { Mutex } from './mutex.js';
import { ownEntry } from './own-entry.js';
import type { SavedDocument } from './saved-document.js';
import { catalogueKey } from './store-document.js';

/**
 * The catalogue of the document store, with the methods of its
 * {@link CatalogueStore} slice. It shares the store's document and mutex:
 * reading the latest version and writing the next happen in one turn of
 * the mutex, which is what numbers concurrent puts one after another.
 */
export class DocumentCatalogue implements CatalogueStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  putCatalogue(put: CataloguePut, now: Date): Promise<CatalogueRecord> {
    return this.#mutex.run(async () => {
      checkName(put);
      const record = planCataloguePut(this.#versionsOf(put).at(-1), put, now);
      await this.#write(record.workspace, (catalogue) => {
        catalogue[catalogueKey(record)] = record;
      });
      return record;
    });
  }

  getCatalogueById(
    workspace: string,
    id: string,
    version?: string,
  ): Promise<CatalogueRecord | undefined> {
    return Promise.resolve(this.#byId(workspace, id, version));
  }

  getCatalogueByName(name: CatalogueName, version?: string): Promise<CatalogueRecord | undefined> {
    const versions = this.#versionsOf(name);
    return Promise.resolve(
      version === undefined ? versions.at(-1) : versions.find((r) => r.version === version),
    );
  }

  listCatalogue(query: CatalogueQuery): Promise<CatalogueRecord[]> {
    const { project, namePrefix } = query;
    let records = this.#records(query.workspace).filter(
      (r) =>
        r.kind === query.kind &&
        (project === undefined || r.project === project) &&
        (namePrefix === undefined || r.name.startsWith(namePrefix)),
    );
    records.sort(compareCatalogueRecords);
    if (query.latestOnly === true) records = records.filter((r, i) => !sameName(r, records[i + 1]));
    return Promise.resolve(records.slice(query.page.offset, query.page.offset + query.page.limit));
  }

  lockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueLockRequest,
    now: Date,
  ): Promise<CatalogueRecord> {
    return this.#mutex.run(() =>
      this.#setLock(workspace, id, (record) => lockFor(record, request, now)),
    );
  }

  unlockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueUnlockRequest,
    now: Date,
  ): Promise<CatalogueRecord> {
    return this.#mutex.run(() =>
      this.#setLock(workspace, id, (record) => {
        checkUnlock(record, request, now);
        return null;
      }),
    );
  }

  deleteCatalogue(target: CatalogueDelete, now: Date): Promise<number> {
    return this.#mutex.run(async () => {
      checkName(target);
      const doomed = this.#versionsOf(target).filter(
        (r) => target.version === undefined || r.version === target.version,
      );
      for (const record of doomed) assertUnlockedFor(record, target.actor, target.force, now);
      if (doomed.length === 0) return 0;
      await this.#write(target.workspace, (catalogue) => {
        for (const record of doomed) delete catalogue[catalogueKey(record)];
      });
      return doomed.length;
    });
  }

  async #setLock(
    workspace: string,
    id: string,
    next: (record: CatalogueRecord) => CatalogueLock | null,
  ): Promise<CatalogueRecord> {
    const record = this.#byId(workspace, id);
    if (record === undefined)
      throw new AllotError('NOT_FOUND', `no catalogue record has id ${id}`, { id });
    const lock = next(record);
    if (lock === record.lock) return record;
    const locked = { ...record, lock };
    await this.#write(workspace, (catalogue) => {
      catalogue[catalogueKey(record)] = locked;
    });
    return locked;
  }

  #write(workspace: string, change: (catalogue: Record<string, CatalogueRecord>) => void) {
    return this.#saved.update((draft) => {
      change(draftWorkspace(draft, workspace, 'catalogue').catalogue);
    });
  }

  #records(workspace: string): CatalogueRecord[] {
    const ws = ownEntry(this.#saved.current.workspaces, workspace);
    return Object.values(ws?.catalogue ?? {});
  }

  /** The versions of a name, oldest first. */
  #versionsOf(name: CatalogueName): CatalogueRecord[] {
    return this.#records(name.workspace)
      .filter((r) => sameName(r, name))
      .sort((a, b) => compareVersions(a.version, b.version));
  }

  #byId(workspace: string, id: string, version?: string): CatalogueRecord | undefined {
    const matches = this.#records(workspace)
      .filter((r) => r.id === id && (version === undefined || r.version === version))
      .sort((a, b) => compareVersions(a.version, b.version));
    return matches.at(-1);
  }
}

function sameName(a: CatalogueName, b: CatalogueName | undefined): boolean {
  return b !== undefined && a.kind === b.kind && a.project === b.project && a.name === b.name;
}
