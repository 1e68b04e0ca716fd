import {
  AllotError,
  assertNotUsed,
  assertUnlockedFor,
  catalogueUsersOf,
  catalogueRequirementMissing,
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
    const requires = put.requires ?? [];
    return this.#change(
      put,
      'put a catalogue record',
      async (client) => {
        // The exact version required (`catalogue-latest` with :version), not merely the name.
        for (const required of requires)
          if ((await this.#one(client, 'catalogue-latest', nameValues(required))) === undefined)
            throw catalogueRequirementMissing(required);
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
      },
      requires,
    );
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
      for (const { record } of doomed.rows)
        assertUnlockedFor(record, target.actor, target.force, now);
      // Under the name's lock: a put requiring it has committed (and is read here) or waits.
      if (doomed.rows.length > 0)
        for (const users of catalogueUsersOf(target))
          await this.#assertNotUsed(client, target, users.kind);
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

  /** Every version of a kind's records in the target's project, a page at a time, checked for users of the target. */
  async #assertNotUsed(
    client: pg.PoolClient,
    target: CatalogueDelete,
    kind: string,
  ): Promise<void> {
    for (let offset = 0; ; offset += USERS_PAGE) {
      const page = await this.#sql.run<RecordRow>(client, 'catalogue-list', {
        workspace: target.workspace,
        kind,
        any_project: false,
        project: target.project,
        name_prefix: null,
        latest_only: false,
        limit: USERS_PAGE,
        offset,
      });
      assertNotUsed(target, page.rows.map(recordOf));
      if (page.rows.length < USERS_PAGE) return;
    }
  }

  /**
   * Runs a change of one name in a transaction that holds the name's
   * advisory lock, and a shared hold on each name it `shares` (the records
   * a put requires). All are taken in one order, so two changes never wait
   * on each other's holds.
   */
  #change<T>(
    name: CatalogueName,
    what: string,
    work: (client: pg.PoolClient) => Promise<T>,
    shares: readonly CatalogueName[] = [],
  ): Promise<T> {
    const own = nameKey(name);
    const holds = new Map<string, boolean>(shares.map((shared) => [nameKey(shared), true]));
    holds.set(own, false);
    return runInTransaction(
      this.#db.pool,
      async (client) => {
        for (const [key, shared] of [...holds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          await this.#sql.run(
            client,
            shared ? 'catalogue-lock-name-shared' : 'catalogue-lock-name',
            {
              name_key: key,
            },
          );
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

/** How many records a delete's check for users reads at a time. */
const USERS_PAGE = 500;

/** The key of a name's advisory lock. */
function nameKey(name: CatalogueName): string {
  return JSON.stringify([name.workspace, name.kind, name.project, name.name]);
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
