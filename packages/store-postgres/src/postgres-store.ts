import {
  AllotError,
  rowId,
  testId,
  type ApiKeyRecord,
  type AuditEvent,
  type BlockVersion,
  type BlockVersionMeta,
  type CandidateQuery,
  type ClaimState,
  type JobCommit,
  type JobRecord,
  type JobStateRecord,
  type LeaseHolder,
  type NewBlockVersion,
  type Page,
  type PoolDefinition,
  type ReleaseOutcome,
  type ResultRecord,
  type RowValues,
  type Store,
  type TestRef,
  type UserRecord,
  type WorkspaceRecord,
} from '@allot/core';
import type pg from 'pg';
import { chainOf, listVersions, readRowsByKey, writeVersion } from './block-versions.js';
import { checkMadeKeys } from './check-made-keys.js';
import { commitErrorOf, writeJob } from './commit-job.js';
import { gatherInBatches } from './candidate-batches.js';
import { gatherBatch } from './gather-candidates.js';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import {
  apiKeyOf,
  auditOf,
  metaOf,
  resultOf,
  userOf,
  versionOf,
  workspaceOf,
  type ApiKeyRow,
  type AuditRow,
  type ResultRow,
  type UserRow,
  type VersionRow,
  type WorkspaceRow,
} from './records.js';
import { JobsCache } from './jobs-cache.js';
import { resolveRows } from './resolve-rows.js';
import { RowsCache } from './rows-cache.js';
import { runInTransaction } from './run-in-transaction.js';
import type { SqlRunner } from './sql-runner.js';

interface ReleaseRow {
  found: number;
  released: number;
  consumed: number;
}

/**
 * A {@link Store} over PostgreSQL, for several server replicas sharing one
 * database. Every operation is one statement or one transaction. A commit
 * claims its rows with one statement, with claims on a block taking turns,
 * and the `leases_one_exclusive` unique index refuses a second exclusive
 * lease of a row whichever replica inserts it.
 *
 * Open it with {@link openPostgresStore}, which applies the migrations.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #sql: SqlRunner;
  /** Resolved rows of block versions: versions never change once committed. */
  readonly #rows = new RowsCache();
  /** Job records by revision: checked against the database on every read. */
  readonly #jobs = new JobsCache();

  /**
   * Present unless the store was opened with `gatherInSql: false`: the
   * engine asks it for each find's free rows, with their values, instead of
   * reading whole blocks and scanning them in memory.
   */
  readonly gatherCandidates?: (
    workspace: string,
    queries: readonly CandidateQuery[],
  ) => Promise<Array<RowValues[] | undefined>>;

  /** Wraps a pool whose connections already use the store's schema. */
  constructor(pool: pg.Pool, sql: SqlRunner, options: { gatherInSql?: boolean } = {}) {
    this.#pool = pool;
    this.#sql = sql;
    if (options.gatherInSql !== false) {
      this.gatherCandidates = (workspace, queries) =>
        gatherInBatches(queries, (batch) => this.#gatherBatch(workspace, batch));
    }
  }

  addBlockVersion(workspace: string, input: NewBlockVersion): Promise<BlockVersionMeta> {
    const now = new Date();
    return runInTransaction(
      this.#pool,
      (client) =>
        writeVersion(
          this.#sql,
          client,
          { workspace, now, checkMadeKeys: checkMadeKeys(this.#sql, this.#rows, workspace) },
          input,
        ),
      { what: 'add a block version', mapError: commitErrorOf },
    ).then((stored) => {
      // Cached only once committed: a rolled-back version number may be reused.
      if (stored.parent === null) this.#rows.set(workspace, stored, input.rows);
      return metaOf(stored);
    });
  }

  async getBlock(
    workspace: string,
    block: string,
    version?: string,
  ): Promise<BlockVersion | undefined> {
    const versions = await this.#read('read a block', (db) =>
      listVersions(this.#sql, db, workspace, block),
    );
    const stored =
      version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    if (stored === undefined) return undefined;
    const rows = await this.#read('read block rows', (db) =>
      resolveRows({ sql: this.#sql, cache: this.#rows, db, workspace, versions }, stored),
    );
    return { ...metaOf(stored), rows };
  }

  async listBlockVersions(workspace: string, block: string): Promise<BlockVersionMeta[]> {
    const versions = await this.#read('list block versions', (db) =>
      listVersions(this.#sql, db, workspace, block),
    );
    return versions.map(metaOf);
  }

  async listBlocks(workspace: string): Promise<BlockVersionMeta[]> {
    const result = await this.#query<VersionRow>('list blocks', 'list-blocks', [workspace]);
    return result.rows.map((row) => metaOf(versionOf(row)));
  }

  async putPool(workspace: string, pool: PoolDefinition): Promise<void> {
    await this.#query('store a pool', 'put-pool', [workspace, pool.name, JSON.stringify(pool)]);
  }

  async getPool(workspace: string, name: string): Promise<PoolDefinition | undefined> {
    const result = await this.#query<{ definition: PoolDefinition }>('read a pool', 'get-pool', [
      workspace,
      name,
    ]);
    return result.rows[0]?.definition;
  }

  async listPools(workspace: string): Promise<PoolDefinition[]> {
    const result = await this.#query<{ definition: PoolDefinition }>('list pools', 'list-pools', [
      workspace,
    ]);
    return result.rows.map((row) => row.definition);
  }

  async deletePool(workspace: string, name: string): Promise<boolean> {
    const result = await this.#query('delete a pool', 'delete-pool', [workspace, name]);
    return (result.rowCount ?? 0) > 0;
  }

  /** The next job id of a workspace: each workspace counts its own (reserve-job-id.sql). */
  async reserveJobId(workspace: string): Promise<number> {
    const result = await this.#query<{ id: number }>('reserve a job id', 'reserve-job-id', [
      workspace,
    ]);
    return result.rows[0]?.id as number;
  }

  async claimState(workspace: string, blocks: string[], now: Date): Promise<ClaimState> {
    type ClaimRow = {
      kind: 'lease' | 'consumed';
      block: string;
      row_key: string;
      job_id: number;
      shared: boolean;
    };
    const result = await this.#query<ClaimRow>('read leases', 'claim-state', [
      workspace,
      blocks,
      now,
    ]);
    const leases = new Map<string, LeaseHolder[]>();
    const consumed = new Map<string, number>();
    for (const row of result.rows) {
      const id = rowId(row.block, row.row_key);
      if (row.kind === 'consumed') {
        consumed.set(id, row.job_id);
        continue;
      }
      const holder = { jobId: row.job_id, shared: row.shared };
      const holders = leases.get(id);
      if (holders === undefined) leases.set(id, [holder]);
      else holders.push(holder);
    }
    return { leases, consumed };
  }

  /**
   * The rows of a block version whose cell at `keyIndex` is one of `keys`,
   * in row order: filtered in memory when this process holds the version's
   * rows, else read by key (see {@link readRowsByKey}); none for an unknown
   * version.
   */
  async rowsByKey(
    workspace: string,
    version: { block: string; version: string },
    keyIndex: number,
    keys: readonly string[],
  ): Promise<RowValues[]> {
    if (keys.length === 0) return [];
    const cached = this.#rows.get(workspace, version);
    if (cached !== undefined) {
      const wanted = new Set(keys);
      return cached.filter((row) => wanted.has(String(row[keyIndex])));
    }
    return this.#read('read rows by key', async (db) => {
      const chain = chainOf(
        await listVersions(this.#sql, db, workspace, version.block),
        version.version,
      );
      if (chain === undefined) return [];
      return readRowsByKey(this.#sql, db, { workspace, chain, keyIndex, keys });
    });
  }

  /**
   * Selects the free rows of finds over one block version in SQL (each
   * filter compiled by `compileWhereSql`, with the semantics of core's
   * `compileWhere`), one scan for all of them; undefined for a filter it
   * does not compile, such as a date range. Undefined for every find when
   * this process holds the version's rows already (it imported or read the
   * version): scanning them in memory is faster than gathering them again.
   */
  async #gatherBatch(
    workspace: string,
    queries: readonly CandidateQuery[],
  ): Promise<Array<RowValues[] | undefined>> {
    const first = queries[0];
    if (first === undefined) return [];
    if (this.#rows.get(workspace, first) !== undefined) return queries.map(() => undefined);
    return this.#read('gather candidate rows', async (db) => {
      const versions = await listVersions(this.#sql, db, workspace, first.block);
      const { block, version, keyIndex, now } = first;
      return gatherBatch(
        this.#sql,
        db,
        { workspace, versions, block, version, keyIndex, now },
        queries,
      );
    });
  }

  async findLiveJob(
    workspace: string,
    bundleKey: string,
    now: Date,
  ): Promise<JobRecord | undefined> {
    const result = await this.#query<{ id: number }>('find a live job', 'find-live-job', [
      workspace,
      bundleKey,
      now,
    ]);
    const id = result.rows[0]?.id;
    return id === undefined ? undefined : this.getJob(workspace, id);
  }

  async commitJob(commit: JobCommit, now: Date): Promise<JobRecord> {
    return runInTransaction(
      this.#pool,
      (client) =>
        writeJob(this.#sql, client, commit, {
          now,
          checkMadeKeys: checkMadeKeys(this.#sql, this.#rows, commit.workspace),
        }),
      { what: 'commit a job', mapError: commitErrorOf },
    );
  }

  async getJob(workspace: string, id: number): Promise<JobRecord | undefined> {
    const kept = this.#jobs.get(workspace, id);
    const values = [workspace, id, kept?.revision ?? null];
    const result = await this.#query<{ revision: number; record: JobRecord | null }>(
      'read a job',
      'get-job',
      values,
    );
    const row = result.rows[0];
    if (row === undefined) return undefined;
    if (row.record === null && kept !== undefined) return kept.record;
    if (row.record === null) return undefined;
    this.#jobs.set(workspace, id, row.revision, row.record);
    return row.record;
  }

  async listJobs(workspace: string, page: Page): Promise<JobRecord[]> {
    const result = await this.#query<{ record: JobRecord }>('list jobs', 'list-jobs', [
      workspace,
      page.limit,
      page.offset,
    ]);
    return result.rows.map((row) => row.record);
  }

  async putJobState(state: JobStateRecord): Promise<void> {
    await this.#query('store a job state', 'put-job-state', [
      state.workspace,
      state.id,
      state.phase,
      state.server,
      state.createdUser,
      state.keyId,
      state.tests,
      state.progress === null ? null : JSON.stringify(state.progress),
      state.answeredBy,
      state.error === null ? null : JSON.stringify(state.error),
      state.createdAt,
      state.updatedAt,
    ]);
  }

  async getJobState(workspace: string, id: number): Promise<JobStateRecord | undefined> {
    const result = await this.#query<{ state: JobStateRecord }>(
      'read a job state',
      'get-job-state',
      [workspace, id],
    );
    return result.rows[0]?.state;
  }

  async pruneJobStates(before: Date): Promise<number> {
    const result = await this.#query('prune job states', 'prune-job-states', [before]);
    return result.rowCount ?? 0;
  }

  async getResult(workspace: string, ref: TestRef): Promise<ResultRecord | undefined> {
    const result = await this.#query<ResultRow>('read a result', 'get-result', [
      workspace,
      ref.pool,
      ref.suite,
      ref.test,
    ]);
    const row = result.rows[0];
    return row === undefined ? undefined : resultOf(row);
  }

  async getResults(
    workspace: string,
    refs: readonly TestRef[],
  ): Promise<Map<string, ResultRecord>> {
    const found = new Map<string, ResultRecord>();
    if (refs.length === 0) return found;
    const result = await this.#query<ResultRow>('read results', 'get-results', [
      workspace,
      refs.map((r) => r.pool),
      refs.map((r) => r.suite),
      refs.map((r) => r.test),
    ]);
    for (const row of result.rows) {
      const record = resultOf(row);
      found.set(testId(record), record);
    }
    return found;
  }

  async listResults(
    workspace: string,
    filter: { pool: string; suite?: string },
  ): Promise<ResultRecord[]> {
    const result = await this.#query<ResultRow>('list results', 'list-results', [
      workspace,
      filter.pool,
      filter.suite ?? null,
    ]);
    return result.rows.map(resultOf);
  }

  async releaseJob(workspace: string, id: number, now: Date): Promise<ReleaseOutcome> {
    const result = await this.#query<ReleaseRow>('release a job', 'release-job', [
      workspace,
      id,
      now,
    ]);
    const row = result.rows[0];
    if (row === undefined || row.found === 0)
      throw new AllotError('NOT_FOUND', `job ${id} does not exist`, { job: id });
    return { released: row.released, consumed: row.consumed };
  }

  async releaseTest(workspace: string, ref: TestRef, now: Date): Promise<ReleaseOutcome> {
    const values = [workspace, ref.pool, ref.suite, ref.test, now];
    const result = await this.#query<ReleaseRow>('release a test', 'release-test', values);
    const row = result.rows[0];
    if (row === undefined || row.found === 0) {
      throw new AllotError(
        'NOT_FOUND',
        `no allocation for pool "${ref.pool}", suite "${ref.suite}", test "${ref.test}"`,
        { ...ref },
      );
    }
    return { released: row.released, consumed: row.consumed };
  }

  async createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    try {
      await this.#sql.run(this.#pool, 'create-workspace', [
        workspace.id,
        workspace.name,
        workspace.createdAt,
      ]);
    } catch (error) {
      if (sqlState(error) === SQLSTATE.uniqueViolation) {
        throw new AllotError('INVALID_INPUT', `workspace "${workspace.id}" already exists`, {
          field: 'id',
        });
      }
      throw storeFailure(error, 'create a workspace');
    }
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const result = await this.#query<WorkspaceRow>('read a workspace', 'get-workspace', [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : workspaceOf(row);
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const result = await this.#query<WorkspaceRow>('list workspaces', 'list-workspaces', []);
    return result.rows.map(workspaceOf);
  }

  async putApiKey(key: ApiKeyRecord): Promise<void> {
    await this.#query('store an API key', 'put-api-key', [
      key.id,
      key.workspace,
      key.name,
      key.role,
      key.secretHash,
      key.userId,
      key.createdAt,
      key.revokedAt,
    ]);
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    const result = await this.#query<ApiKeyRow>('read an API key', 'find-api-key', [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : apiKeyOf(row);
  }

  async listApiKeys(workspace: string): Promise<ApiKeyRecord[]> {
    const result = await this.#query<ApiKeyRow>('list API keys', 'list-api-keys', [workspace]);
    return result.rows.map(apiKeyOf);
  }

  async putUser(user: UserRecord): Promise<void> {
    await this.#query('store a user', 'put-user', [
      user.workspace,
      user.id,
      user.name,
      user.email,
      user.role,
      user.createdAt,
    ]);
  }

  async getUser(workspace: string, id: string): Promise<UserRecord | undefined> {
    const result = await this.#query<UserRow>('read a user', 'get-user', [workspace, id]);
    const row = result.rows[0];
    return row === undefined ? undefined : userOf(row);
  }

  async listUsers(workspace: string): Promise<UserRecord[]> {
    const result = await this.#query<UserRow>('list users', 'list-users', [workspace]);
    return result.rows.map(userOf);
  }

  async deleteUser(workspace: string, id: string): Promise<boolean> {
    const result = await this.#query('delete a user', 'delete-user', [workspace, id]);
    return (result.rowCount ?? 0) > 0;
  }

  async appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const values = [
      event.workspace,
      event.at,
      event.actor,
      event.action,
      event.target,
      JSON.stringify(event.details),
    ];
    const result = await this.#query<{ id: number }>(
      'append to the audit log',
      'append-audit',
      values,
    );
    return { ...event, id: result.rows[0]?.id as number };
  }

  async listAudit(workspace: string, page: Page): Promise<AuditEvent[]> {
    const result = await this.#query<AuditRow>('read the audit log', 'list-audit', [
      workspace,
      page.limit,
      page.offset,
    ]);
    return result.rows.map(auditOf);
  }

  async close(): Promise<void> {
    this.#rows.clear();
    this.#jobs.clear();
    await this.#pool.end();
  }

  async #query<R extends pg.QueryResultRow>(
    what: string,
    operation: Parameters<SqlRunner['run']>[1],
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.#sql.run<R>(this.#pool, operation, values);
    } catch (error) {
      throw storeFailure(error, what);
    }
  }

  async #read<T>(what: string, read: (db: pg.Pool) => Promise<T>): Promise<T> {
    try {
      return await read(this.#pool);
    } catch (error) {
      throw storeFailure(error, what);
    }
  }
}
