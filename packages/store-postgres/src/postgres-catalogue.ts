import {
  AllotError,
  assertUnlockedFor,
  catalogueVersionParts,
  checkName,
  checkUnlock,
  lockFor,
  planCataloguePut,
  type CatalogueDelete,
  type CatalogueLock,
  type CatalogueLockRequest,
  type CatalogueName,
  type CataloguePut,
  type CatalogueQuery,
  type CatalogueRecord,
  type CatalogueStore,
  type CatalogueUnlockRequest,
} from '@allot/core';
import type pg from 'pg';
import type { PoolQueries } from './pool-queries.js';
import { runInTransaction } from './run-in-transaction.js';
import type { Queryable, SqlRunner } from './sql-runner.js';

/** A row of the catalogue queries: the record as JSON, and the body apart when it is bytes. */
type RecordRow = { record: CatalogueRecord; body_bytes: Buffer | null };

/**
 * The catalogue over PostgreSQL: core plans every change, this only reads
 * and writes. Each change runs in one transaction under its name's
 * advisory lock, so changes of one name take turns on every replica: of
 * concurrent puts each reads the version the one before it inserted, of two
 * lockers the second sees the first one's lock.
 */
export class PostgresCatalogue implements CatalogueStore {
  readonly #db: PoolQueries;
  readonly #sql: SqlRunner;

  constructor(db: PoolQueries) {
    this.#db = db;
    this.#sql = db.sql;
  }

  putCatalogue(put: CataloguePut, now: Date): Promise<CatalogueRecord> {
    checkName(put);
    return this.#change(put, 'put a catalogue record', async (client) => {
      const latest = await this.#one(client, 'catalogue-latest', nameValues(put));
      const record = planCataloguePut(latest, put, now);
      await this.#sql.run(client, 'catalogue-insert', {
        ...nameValues(record),
        version_parts: catalogueVersionParts(record.version),
        id: record.id,
        ...(record.body instanceof Uint8Array
          ? { body: 'null', body_bytes: record.body }
          : { body: JSON.stringify(record.body), body_bytes: null }),
        created_by: record.createdBy,
        created_at: record.createdAt,
        updated_by: record.updatedBy,
        updated_at: record.updatedAt,
        ...lockValues(record.lock),
      });
      return record;
    });
  }

  getCatalogueById(
    workspace: string,
    id: string,
    version?: string,
  ): Promise<CatalogueRecord | undefined> {
    return this.#db.read('read a catalogue record', (db) =>
      this.#one(db, 'catalogue-by-id', { workspace, id, version: version ?? null }),
    );
  }

  getCatalogueByName(name: CatalogueName, version?: string): Promise<CatalogueRecord | undefined> {
    return this.#db.read('read a catalogue record', (db) =>
      this.#one(db, 'catalogue-latest', nameValues({ ...name, version })),
    );
  }

  async listCatalogue(query: CatalogueQuery): Promise<CatalogueRecord[]> {
    const result = await this.#db.query<RecordRow>('list catalogue records', 'catalogue-list', {
      workspace: query.workspace,
      kind: query.kind,
      any_project: query.project === undefined,
      project: query.project ?? null,
      name_prefix: query.namePrefix ?? null,
      latest_only: query.latestOnly === true,
      limit: query.page.limit,
      offset: query.page.offset,
    });
    return result.rows.map(recordOf);
  }

  lockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueLockRequest,
    now: Date,
  ): Promise<CatalogueRecord> {
    return this.#setLock(workspace, id, (record) => lockFor(record, request, now));
  }

  unlockCatalogue(
    workspace: string,
    id: string,
    request: CatalogueUnlockRequest,
    now: Date,
  ): Promise<CatalogueRecord> {
    return this.#setLock(workspace, id, (record) => {
      checkUnlock(record, request, now);
      return null;
    });
  }

  deleteCatalogue(target: CatalogueDelete, now: Date): Promise<number> {
    checkName(target);
    return this.#change(target, 'delete catalogue records', async (client) => {
      const values = nameValues(target);
      const doomed = await this.#sql.run<RecordRow>(client, 'catalogue-versions', values);
      for (const row of doomed.rows) assertUnlockedFor(row.record, target.actor, target.force, now);
      const deleted = await this.#sql.run(client, 'catalogue-delete', values);
      return deleted.rowCount ?? 0;
    });
  }

  async #setLock(
    workspace: string,
    id: string,
    next: (record: CatalogueRecord) => CatalogueLock | null,
  ): Promise<CatalogueRecord> {
    const found = await this.getCatalogueById(workspace, id);
    if (found === undefined) throw notFound(id);
    return this.#change(found, 'lock or unlock a catalogue record', async (client) => {
      // Read again under the name's lock: a put or lock may have come first. The
      // update compares the lock it read, so a writer that skipped the name's
      // lock makes it read and decide again rather than overwrite.
      for (;;) {
        const record = await this.#one(client, 'catalogue-by-id', { workspace, id, version: null });
        if (record === undefined) throw notFound(id);
        const lock = next(record);
        const updated = await this.#sql.run(client, 'catalogue-set-lock', {
          workspace,
          id,
          version: record.version,
          ...lockValues(lock, ''),
          seen_holder: record.lock?.holder ?? null,
          seen_since: record.lock?.since ?? null,
        });
        if (updated.rowCount === 1) return { ...record, lock };
      }
    });
  }

  /** Runs a change of one name in a transaction that holds the name's advisory lock. */
  #change<T>(
    name: CatalogueName,
    what: string,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    return runInTransaction(
      this.#db.pool,
      async (client) => {
        const nameKey = JSON.stringify([name.workspace, name.kind, name.project, name.name]);
        await this.#sql.run(client, 'catalogue-lock-name', { name_key: nameKey });
        return work(client);
      },
      { what },
    );
  }

  async #one(
    db: Queryable,
    operation: 'catalogue-by-id' | 'catalogue-latest',
    values: Record<string, unknown>,
  ): Promise<CatalogueRecord | undefined> {
    const result = await this.#sql.run<RecordRow>(db, operation, values);
    const row = result.rows[0];
    return row === undefined ? undefined : recordOf(row);
  }
}

function recordOf(row: RecordRow): CatalogueRecord {
  return row.body_bytes === null ? row.record : { ...row.record, body: row.body_bytes };
}

function nameValues(name: CatalogueName & { version?: string | undefined }) {
  return {
    workspace: name.workspace,
    kind: name.kind,
    project: name.project,
    name: name.name,
    version: name.version ?? null,
  };
}

function lockValues(lock: CatalogueLock | null, prefix = 'lock_') {
  return {
    [`${prefix}holder`]: lock?.holder ?? null,
    [`${prefix}since`]: lock?.since ?? null,
    [`${prefix}timeout_seconds`]: lock?.timeoutSeconds ?? null,
  };
}

function notFound(id: string): AllotError {
  return new AllotError('NOT_FOUND', `no catalogue record has id ${id}`, { id });
}
