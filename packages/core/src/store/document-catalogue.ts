import { randomBytes } from 'node:crypto';
import { assertUnlockedFor, checkUnlock, lockFor } from '../catalogue/catalogue-lock.js';
import { catalogueRequirementMissing } from '../catalogue/catalogue-errors.js';
import { assertNotUsed, catalogueUsersOf } from '../catalogue/catalogue-users.js';
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
import { checkName, planCataloguePut } from '../catalogue/plan-catalogue-put.js';
import { AllotError } from '../errors.js';
import type { CatalogueStore } from './catalogue-store.js';
import { draftWorkspace } from './draft-workspace.js';
import { CatalogueIndex } from './catalogue-index.js';
import type { Mutex } from './mutex.js';
import { ownEntry } from './own-entry.js';
import type { DocumentPersistence } from './document-persistence.js';
import type { SavedDocument } from './saved-document.js';
import { catalogueKey, type StoredCatalogueRecord } from './store-document.js';

/** Text bodies from this size on go to a file of their own when the persistence can. */
export const BODY_FILE_CHARS = 64 * 1024;

/** The body-file methods of a persistence, when it has them all. */
type BodyFiles = Required<Pick<DocumentPersistence, 'writeBody' | 'readBody' | 'deleteBody'>>;

/**
 * The catalogue of the document store, with the methods of its
 * {@link CatalogueStore} slice. It shares the store's document and mutex:
 * reading the latest version and writing the next happen in one turn of
 * the mutex, which is what numbers concurrent puts one after another.
 */
export class DocumentCatalogue implements CatalogueStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;
  readonly #files: BodyFiles | null;
  /**
   * The index of each workspace's catalogue map, by the map itself: a
   * change replaces the map (see draft-workspace.ts), so an index can never
   * answer for another map than its own, whoever replaced it.
   */
  readonly #indexes = new WeakMap<object, CatalogueIndex>();

  constructor(saved: SavedDocument, mutex: Mutex, persistence?: DocumentPersistence) {
    this.#saved = saved;
    this.#mutex = mutex;
    const { writeBody, readBody, deleteBody } = persistence ?? {};
    this.#files =
      writeBody !== undefined && readBody !== undefined && deleteBody !== undefined
        ? {
            writeBody: writeBody.bind(persistence),
            readBody: readBody.bind(persistence),
            deleteBody: deleteBody.bind(persistence),
          }
        : null;
  }

  async putCatalogue(put: CataloguePut, now: Date): Promise<CatalogueRecord> {
    // A large body goes to a file of its own first, outside the mutex, so puts of many
    // pieces write and fsync their files side by side; the mutex numbers the put and
    // writes its journal line. Written whole before the document names it: a crash
    // leaves at worst an unnamed file.
    const body = put.body as unknown;
    const bytes = body instanceof Uint8Array;
    const bodyFile =
      this.#files !== null &&
      (bytes || (typeof body === 'string' && body.length >= BODY_FILE_CHARS))
        ? `${randomBytes(12).toString('hex')}.body`
        : undefined;
    if (bodyFile !== undefined) {
      checkName(put);
      await this.#files!.writeBody(put.workspace, bodyFile, body as string | Uint8Array);
    }
    let named = false;
    try {
      return await this.#mutex.run(async () => {
        checkName(put);
        for (const required of put.requires ?? [])
          if (!this.#versionsOf(required).some((r) => r.version === required.version))
            throw catalogueRequirementMissing(required);
        const record = planCataloguePut(this.#versionsOf(put).at(-1), put, now);
        let stored: StoredCatalogueRecord = record;
        if (bodyFile !== undefined) {
          stored = {
            ...record,
            body: null,
            bodyFile,
            ...(bytes ? { bodyBytes: true as const } : {}),
          };
        } else if (bytes) {
          // Kept in memory: a copy, since the caller reuses its bytes once the put resolves.
          stored = { ...record, body: Buffer.from(record.body as Uint8Array) };
        }
        named = bodyFile !== undefined;
        await this.#write(record.workspace, { put: stored });
        return record;
      });
    } catch (error) {
      // Refused before the journal could name it: the file goes. Once a journal write was
      // tried, the line may be on disk, and the file stays for it.
      if (bodyFile !== undefined && !named)
        await this.#files!.deleteBody(put.workspace, bodyFile).catch(() => undefined);
      throw error;
    }
  }

  getCatalogueById(
    workspace: string,
    id: string,
    version?: string,
  ): Promise<CatalogueRecord | undefined> {
    return this.#withBody(this.#byId(workspace, id, version));
  }

  getCatalogueByName(name: CatalogueName, version?: string): Promise<CatalogueRecord | undefined> {
    const versions = this.#versionsOf(name);
    return this.#withBody(
      version === undefined ? versions.at(-1) : versions.find((r) => r.version === version),
    );
  }

  listCatalogue(query: CatalogueQuery): Promise<CatalogueRecord[]> {
    const { project, namePrefix, page } = query;
    const end = page.offset + page.limit;
    const records: StoredCatalogueRecord[] = [];
    // Names come in catalogue order: the walk stops once the page is full.
    for (const versions of this.#index(query.workspace).namesOfKind(query.kind)) {
      if (records.length >= end) break;
      const { project: p, name } = versions[0]!;
      if (project !== undefined && p !== project) continue;
      if (namePrefix !== undefined && !name.startsWith(namePrefix)) continue;
      if (query.latestOnly === true) records.push(versions.at(-1)!);
      else records.push(...versions);
    }
    return Promise.all(
      records.slice(page.offset, end).map((r) => this.#withBody(r) as Promise<CatalogueRecord>),
    );
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
      // In the same turn of the mutex as the delete: no put naming the target can come between.
      for (const users of catalogueUsersOf(target))
        assertNotUsed(target, await this.#ofKindIn(target, users.kind));
      await this.#write(target.workspace, { drop: doomed });
      // Only once the document no longer names them: a crash before leaves unnamed files, never a missing body.
      for (const record of doomed)
        if (record.bodyFile !== undefined)
          await this.#files?.deleteBody(target.workspace, record.bodyFile);
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
    if (lock === record.lock) return (await this.#withBody(record))!;
    const locked = { ...record, lock };
    await this.#write(workspace, { put: locked });
    return (await this.#withBody(locked))!;
  }

  /** The record as callers see it: its body read back from its file, when it has one. */
  async #withBody(stored: StoredCatalogueRecord | undefined): Promise<CatalogueRecord | undefined> {
    if (stored?.bodyFile === undefined) {
      // A reloaded memory document holds bytes as a plain Uint8Array: callers get a Buffer.
      return stored?.body instanceof Uint8Array && !Buffer.isBuffer(stored.body)
        ? {
            ...stored,
            body: Buffer.from(stored.body.buffer, stored.body.byteOffset, stored.body.length),
          }
        : stored;
    }
    const { bodyFile, bodyBytes, ...record } = stored;
    if (this.#files === null)
      throw new AllotError(
        'STORE_CORRUPT',
        `the body of ${stored.name} is in a file this store cannot read`,
        { id: stored.id },
      );
    return {
      ...record,
      body: await this.#files.readBody(stored.workspace, bodyFile, bodyBytes === true),
    };
  }

  /** Saves a put or a drop of records, then carries the workspace's index over to the new map. */
  async #write(
    workspace: string,
    change: { put: StoredCatalogueRecord } | { drop: readonly StoredCatalogueRecord[] },
  ): Promise<void> {
    let before: object | undefined;
    let after: Record<string, StoredCatalogueRecord> = {};
    await this.#saved.update((draft) => {
      before = ownEntry(draft.workspaces, workspace)?.catalogue;
      after = draftWorkspace(draft, workspace, 'catalogue').catalogue;
      if ('put' in change) after[catalogueKey(change.put)] = change.put;
      else for (const record of change.drop) delete after[catalogueKey(record)];
    });
    // Only once saved: a failed save leaves the old map current, and its index with it.
    const index = before === undefined ? undefined : this.#indexes.get(before);
    if (index === undefined) return; // built from the new map when next read
    this.#indexes.delete(before!);
    if ('put' in change) index.set(change.put);
    else for (const record of change.drop) index.remove(record);
    this.#indexes.set(after, index);
  }

  /** The index of a workspace's current catalogue map, built on first use of that map. */
  #index(workspace: string): CatalogueIndex {
    const catalogue = ownEntry(this.#saved.current.workspaces, workspace)?.catalogue;
    if (catalogue === undefined) return EMPTY;
    let index = this.#indexes.get(catalogue);
    if (index === undefined) {
      index = CatalogueIndex.of(Object.values(catalogue));
      this.#indexes.set(catalogue, index);
    }
    return index;
  }

  /** Every version of the records of a kind in a name's project, bodies read, in catalogue order. */
  #ofKindIn(name: CatalogueName, kind: string): Promise<CatalogueRecord[]> {
    const records = this.#index(name.workspace)
      .namesOfKind(kind)
      .filter((versions) => versions[0]!.project === name.project)
      .flat();
    return Promise.all(records.map(async (r) => (await this.#withBody(r)) as CatalogueRecord));
  }

  /** The versions of a name, oldest first. */
  #versionsOf(name: CatalogueName): readonly StoredCatalogueRecord[] {
    return this.#index(name.workspace).versionsOf(name);
  }

  /** The latest version holding an id, or the given version of it. */
  #byId(workspace: string, id: string, version?: string): StoredCatalogueRecord | undefined {
    const versions = this.#index(workspace).versionsWithId(id);
    return version === undefined
      ? versions.at(-1)
      : versions.findLast((r) => r.version === version);
  }
}

/** The index of a workspace with no catalogue yet: never written to. */
const EMPTY = CatalogueIndex.of([]);
