import type {
  ODataQuery,
  ApiKeyRecord,
  BlockVersion,
  BlockVersionMeta,
  CandidateQuery,
  ClaimState,
  JobCommit,
  JobRecord,
  JobStateRecord,
  NewBlockVersion,
  Page,
  PoolDefinition,
  ReleaseOutcome,
  ResultRecord,
  RowValues,
  Store,
  TestRef,
  UserRecord,
  WorkspaceRecord,
} from '@allot/core';
import type pg from 'pg';
import { chainOf, listVersions, readRowsByKey, writeVersion } from './block-versions.js';
import { checkMadeKeys } from './check-made-keys.js';
import { commitErrorOf, writeJob } from './commit-job.js';
import { gatherInBatches } from './candidate-batches.js';
import { gatherBatch } from './gather-candidates.js';
import { queryBlockRows } from './query-block-rows.js';
import * as jobRecords from './job-records.js';
import * as jobStates from './job-states.js';
import * as poolDefinitions from './pool-definitions.js';
import { PoolQueries } from './pool-queries.js';
import { PostgresRecords } from './postgres-records.js';
import { readClaimState } from './read-claim-state.js';
import { metaOf, versionOf, type VersionRow } from './records.js';
import * as releaseClaims from './release-claims.js';
import { resolveRows } from './resolve-rows.js';
import { JobsCache } from './jobs-cache.js';
import { RowsCache } from '@allot/core';
import { runInTransaction } from './run-in-transaction.js';
import type { SqlRunner } from './sql-runner.js';
import * as testResults from './test-results.js';
import * as workspaceAccess from './workspace-access.js';

/**
 * A {@link Store} over PostgreSQL, for several server replicas sharing one
 * database. Every operation is one statement or one transaction. A commit
 * claims its rows with one statement, with claims on a block taking turns,
 * and the `leases_one_exclusive` unique index refuses a second exclusive
 * lease of a row whichever replica inserts it.
 *
 * Block versions and jobs are handled here, beside the caches they share;
 * the other records are plain statements, one module per concern, to which
 * the store hands its pool; the event log, notifications, projects and the
 * catalogue come from {@link PostgresRecords}.
 *
 * Open it with {@link openPostgresStore}, which applies the migrations.
 */
export class PostgresStore extends PostgresRecords implements Store {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #sql: SqlRunner;
  readonly #db: PoolQueries;
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
    const db = new PoolQueries(pool, sql);
    super(db);
    this.#pool = pool;
    this.#sql = sql;
    this.#db = db;
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
      // Cached only once committed: a rolled-back version number may be reused. A version
      // given by column is not made arrays for the cache: a read resolves it when asked.
      if (stored.parent === null && input.rows !== undefined)
        this.#rows.set(workspace, stored, input.rows);
      return metaOf(stored);
    });
  }

  async getBlock(
    workspace: string,
    block: string,
    version?: string,
  ): Promise<BlockVersion | undefined> {
    const versions = await this.#db.read('read a block', (db) =>
      listVersions(this.#sql, db, workspace, block),
    );
    const stored =
      version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    if (stored === undefined) return undefined;
    const rows = await this.#db.read('read block rows', (db) =>
      resolveRows({ sql: this.#sql, cache: this.#rows, db, workspace, versions }, stored),
    );
    return { ...metaOf(stored), rows };
  }

  async queryBlockRows(
    workspace: string,
    request: { block: string; version: string; columns: readonly string[]; query: ODataQuery },
  ): Promise<{ rows: RowValues[]; count: number } | undefined> {
    return this.#db.read('query block rows', async (db) => {
      const versions = await listVersions(this.#sql, db, workspace, request.block);
      return queryBlockRows(this.#sql, db, { workspace, versions, ...request }, request.query);
    });
  }

  async listBlockVersions(workspace: string, block: string): Promise<BlockVersionMeta[]> {
    const versions = await this.#db.read('list block versions', (db) =>
      listVersions(this.#sql, db, workspace, block),
    );
    return versions.map(metaOf);
  }

  async listBlocks(workspace: string): Promise<BlockVersionMeta[]> {
    const result = await this.#db.query<VersionRow>('list blocks', 'list-blocks', { workspace });
    return result.rows.map((row) => metaOf(versionOf(row)));
  }

  putPool(workspace: string, pool: PoolDefinition): Promise<void> {
    return poolDefinitions.putPool(this.#db, workspace, pool);
  }

  getPool(workspace: string, name: string): Promise<PoolDefinition | undefined> {
    return poolDefinitions.getPool(this.#db, workspace, name);
  }

  listPools(workspace: string): Promise<PoolDefinition[]> {
    return poolDefinitions.listPools(this.#db, workspace);
  }

  deletePool(workspace: string, name: string): Promise<boolean> {
    return poolDefinitions.deletePool(this.#db, workspace, name);
  }

  reserveJobId(workspace: string): Promise<number> {
    return jobRecords.reserveJobId(this.#db, workspace);
  }

  claimState(workspace: string, blocks: string[], now: Date): Promise<ClaimState> {
    return readClaimState(this.#db, workspace, blocks, now);
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
    return this.#db.read('read rows by key', async (db) => {
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
    return this.#db.read('gather candidate rows', async (db) => {
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

  findLiveJob(workspace: string, bundleKey: string, now: Date): Promise<JobRecord | undefined> {
    return jobRecords.findLiveJob(this.#db, this.#jobs, workspace, bundleKey, now);
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

  getJob(workspace: string, id: number): Promise<JobRecord | undefined> {
    return jobRecords.getJob(this.#db, this.#jobs, workspace, id);
  }

  listJobs(workspace: string, page: Page): Promise<JobRecord[]> {
    return jobRecords.listJobs(this.#db, workspace, page);
  }

  putJobState(state: JobStateRecord): Promise<void> {
    return jobStates.putJobState(this.#db, state);
  }

  getJobState(workspace: string, id: number): Promise<JobStateRecord | undefined> {
    return jobStates.getJobState(this.#db, workspace, id);
  }

  listJobStates(workspace: string, page: Page): Promise<JobStateRecord[]> {
    return jobStates.listJobStates(this.#db, workspace, page);
  }

  pruneJobStates(before: Date): Promise<number> {
    return jobStates.pruneJobStates(this.#db, before);
  }

  getResult(workspace: string, ref: TestRef): Promise<ResultRecord | undefined> {
    return testResults.getResult(this.#db, workspace, ref);
  }

  getResults(workspace: string, refs: readonly TestRef[]): Promise<Map<string, ResultRecord>> {
    return testResults.getResults(this.#db, workspace, refs);
  }

  liveResultHolders(
    workspace: string,
    refs: readonly TestRef[],
    now: Date,
  ): Promise<Map<string, number>> {
    return testResults.liveResultHolders(this.#db, workspace, refs, now);
  }

  listResults(
    workspace: string,
    filter: { pool: string; suite?: string },
  ): Promise<ResultRecord[]> {
    return testResults.listResults(this.#db, workspace, filter);
  }

  releaseJob(workspace: string, id: number, now: Date): Promise<ReleaseOutcome> {
    return releaseClaims.releaseJob(this.#db, workspace, id, now);
  }

  releaseTest(workspace: string, ref: TestRef, now: Date): Promise<ReleaseOutcome> {
    return releaseClaims.releaseTest(this.#db, workspace, ref, now);
  }

  createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    return workspaceAccess.createWorkspace(this.#db, workspace);
  }

  getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    return workspaceAccess.getWorkspace(this.#db, id);
  }

  listWorkspaces(): Promise<WorkspaceRecord[]> {
    return workspaceAccess.listWorkspaces(this.#db);
  }

  putApiKey(key: ApiKeyRecord): Promise<void> {
    return workspaceAccess.putApiKey(this.#db, key);
  }

  findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    return workspaceAccess.findApiKey(this.#db, id);
  }

  listApiKeys(workspace: string): Promise<ApiKeyRecord[]> {
    return workspaceAccess.listApiKeys(this.#db, workspace);
  }

  putUser(user: UserRecord): Promise<void> {
    return workspaceAccess.putUser(this.#db, user);
  }

  getUser(workspace: string, id: string): Promise<UserRecord | undefined> {
    return workspaceAccess.getUser(this.#db, workspace, id);
  }

  listUsers(workspace: string): Promise<UserRecord[]> {
    return workspaceAccess.listUsers(this.#db, workspace);
  }

  deleteUser(workspace: string, id: string): Promise<boolean> {
    return workspaceAccess.deleteUser(this.#db, workspace, id);
  }

  async close(): Promise<void> {
    this.#rows.clear();
    this.#jobs.clear();
    await this.#pool.end();
  }
}
