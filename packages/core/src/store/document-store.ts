import type { BlockVersion, BlockVersionMeta, NewBlockVersion } from '../model/block-version.js';
import {
  testId,
  type ClaimState,
  type JobCommit,
  type JobRecord,
  type ReleaseOutcome,
  type ResultRecord,
  type TestRef,
} from '../model/job-record.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from '../model/workspace-record.js';
import type { DocumentPersistence } from './document-persistence.js';
import type { JobStateRecord } from '../job-state-record.js';
import { jobFromCommit } from '../job-from-commit.js';
import { holdingTestIndexes } from './holding-test.js';
import { leaseConflict } from './lease-conflict.js';
import { noAllocationError, unknownJobError } from './store-errors.js';
import { Mutex } from './mutex.js';
import { ownEntry, setOwnEntry } from './own-entry.js';
import type { Page, Store } from './store.js';
import { collectClaims, findConflicts, findTakenTests } from './claims.js';
import { appendVersions } from './append-versions.js';
import { applyJobCommit } from './apply-job-commit.js';
import type { ColumnTable } from '../data-block/column-table.js';
import { BlockRows } from './block-rows.js';
import { checkMadeKeys } from './check-made-keys.js';
import { countRelease } from './count-release.js';
import { DocumentRecords } from './document-records.js';
import { DocumentTenancy } from './document-tenancy.js';
import { draftWorkspace } from './draft-workspace.js';
import { dropJobStates, staleJobStates } from './stale-job-states.js';
import { SavedDocument } from './saved-document.js';
import { supersededTests } from './superseded-tests.js';
import {
  emptyDocument,
  emptyWorkspace,
  isJobLive,
  type StoreDocument,
  type WorkspaceDocument,
} from './store-document.js';

/**
 * A {@link Store} over one in-memory document, saved whole through a
 * {@link DocumentPersistence} after every change. Every read-modify-write runs
 * behind one mutex; a change is built on a copy and becomes visible only
 * after it was saved, so a failed save leaves nothing behind.
 */
export class DocumentStore extends DocumentRecords implements Store {
  readonly kind: string;
  readonly #persistence: DocumentPersistence;
  readonly #mutex: Mutex;
  readonly #saved: SavedDocument;
  /** The last job id handed out in each workspace since the store opened. */
  readonly #reservedJobIds = new Map<string, number>();
  readonly #blockRows: BlockRows;
  readonly #tenancy: DocumentTenancy;

  private constructor(persistence: DocumentPersistence, document: StoreDocument) {
    const saved = new SavedDocument(persistence, document);
    const mutex = new Mutex();
    super(saved, mutex, persistence);
    this.kind = persistence.kind;
    this.#persistence = persistence;
    this.#saved = saved;
    this.#mutex = mutex;
    this.#blockRows = new BlockRows(persistence, (workspace, block) =>
      this.#blocksOf(workspace, block),
    );
    this.#tenancy = new DocumentTenancy(this.#saved, this.#mutex);
  }

  /** Opens a store over a persistence, loading its document. */
  static async open(persistence: DocumentPersistence): Promise<DocumentStore> {
    const document = (await persistence.load()) ?? emptyDocument();
    return new DocumentStore(persistence, document);
  }

  addBlockVersion(workspace: string, input: NewBlockVersion): Promise<BlockVersionMeta> {
    return this.#mutex.run(async () => {
      const metas = await this.#blockRows.write(workspace, [input], new Date());
      await this.#saved.update((draft) => {
        appendVersions(draftWorkspace(draft, workspace, 'blocks').blocks, metas);
      });
      return metas[0] as BlockVersionMeta;
    });
  }

  async getBlock(
    workspace: string,
    block: string,
    version?: string,
  ): Promise<BlockVersion | undefined> {
    const versions = this.#blocksOf(workspace, block);
    if (versions === undefined || versions.length === 0) return undefined;
    const meta =
      version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    if (meta === undefined) return undefined;
    return { ...meta, rows: await this.#blockRows.resolve(workspace, versions, meta) };
  }

  async getBlockTable(
    workspace: string,
    block: string,
    version: string,
  ): Promise<ColumnTable | undefined> {
    const versions = this.#blocksOf(workspace, block);
    const meta = versions?.find((v) => v.version === version);
    if (versions === undefined || meta === undefined) return undefined;
    return this.#blockRows.resolveTable(workspace, versions, meta);
  }

  listBlockVersions(workspace: string, block: string): Promise<BlockVersionMeta[]> {
    return Promise.resolve([...(this.#blocksOf(workspace, block) ?? [])]);
  }

  listBlocks(workspace: string): Promise<BlockVersionMeta[]> {
    const blocks = this.#workspace(workspace)?.blocks ?? {};
    const latest = Object.values(blocks).flatMap((versions) => versions.slice(-1));
    return Promise.resolve(latest.sort((a, b) => a.block.localeCompare(b.block)));
  }

  putPool(workspace: string, pool: PoolDefinition): Promise<void> {
    return this.#mutex.run(() =>
      this.#saved.update((draft) => {
        setOwnEntry(draftWorkspace(draft, workspace, 'pools').pools, pool.name, pool);
      }),
    );
  }

  getPool(workspace: string, name: string): Promise<PoolDefinition | undefined> {
    return Promise.resolve(this.#poolOf(workspace, name));
  }

  listPools(workspace: string): Promise<PoolDefinition[]> {
    const pools = Object.values(this.#workspace(workspace)?.pools ?? {});
    return Promise.resolve(pools.sort((a, b) => a.name.localeCompare(b.name)));
  }

  deletePool(workspace: string, name: string): Promise<boolean> {
    return this.#mutex.run(async () => {
      if (this.#poolOf(workspace, name) === undefined) return false;
      await this.#saved.update((draft) => {
        delete draftWorkspace(draft, workspace, 'pools').pools[name];
      });
      return true;
    });
  }

  /**
   * The next job id of a workspace: each workspace counts its own jobs, so
   * ids say nothing of other workspaces' work. One process owns a document
   * store, so an in-memory count is enough; a commit records its id in the
   * workspace (`lastIds.job`), the count a reopened store goes on from.
   */
  reserveJobId(workspace: string): Promise<number> {
    const committed = this.#workspace(workspace)?.lastIds.job ?? 0;
    const id = Math.max(this.#reservedJobIds.get(workspace) ?? 0, committed) + 1;
    this.#reservedJobIds.set(workspace, id);
    return Promise.resolve(id);
  }

  claimState(workspace: string, blocks: string[], now: Date): Promise<ClaimState> {
    const ws = this.#workspace(workspace) ?? emptyWorkspace();
    return Promise.resolve(collectClaims(ws, new Set(blocks), now));
  }

  findLiveJob(workspace: string, bundleKey: string, now: Date): Promise<JobRecord | undefined> {
    const jobs = Object.values(this.#workspace(workspace)?.jobs ?? {});
    const live = jobs.filter((job) => job.bundleKey === bundleKey && isJobLive(job, now));
    return Promise.resolve(live.sort((a, b) => b.id - a.id)[0]);
  }

  commitJob(commit: JobCommit, now: Date): Promise<JobRecord> {
    return this.#mutex.run(async () => {
      const ws = this.#workspace(commit.workspace) ?? emptyWorkspace();
      const superseded = supersededTests(ws, commit.supersedes, now);
      const conflicts = findConflicts(ws, commit, superseded, now);
      const taken = findTakenTests(ws, commit, superseded, now);
      // Tests first, as the PostgreSQL store checks them before it claims rows.
      if (taken.length > 0) throw leaseConflict([], taken);
      if (conflicts.length > 0) throw leaseConflict(conflicts);
      await checkMadeKeys(commit, (workspace, block) => this.getBlock(workspace, block));
      const metas = await this.#blockRows.write(commit.workspace, commit.madeRows, now);
      const job = jobFromCommit(commit);
      await this.#saved.update((draft) => {
        applyJobCommit(draft, commit, { job, superseded, metas, now });
      });
      return job;
    });
  }

  getJob(workspace: string, id: number): Promise<JobRecord | undefined> {
    return Promise.resolve(this.#workspace(workspace)?.jobs[String(id)]);
  }

  listJobs(workspace: string, page: Page): Promise<JobRecord[]> {
    const jobs = Object.values(this.#workspace(workspace)?.jobs ?? {}).sort((a, b) => b.id - a.id);
    return Promise.resolve(jobs.slice(page.offset, page.offset + page.limit));
  }

  putJobState(state: JobStateRecord): Promise<void> {
    return this.#mutex.run(() =>
      this.#saved.update((draft) => {
        const ws = draftWorkspace(draft, state.workspace, 'jobStates');
        (ws.jobStates as Record<string, JobStateRecord>)[String(state.id)] = state;
        // A state outlives a restart even when its job never commits (an error, a
        // bundle answered by an earlier job): its id must not be handed out again.
        if (state.id > ws.lastIds.job) ws.lastIds = { ...ws.lastIds, job: state.id };
      }),
    );
  }

  getJobState(workspace: string, id: number): Promise<JobStateRecord | undefined> {
    const states = this.#workspace(workspace)?.jobStates ?? {};
    return Promise.resolve(Object.hasOwn(states, String(id)) ? states[String(id)] : undefined);
  }

  listJobStates(workspace: string, page: Page): Promise<JobStateRecord[]> {
    const states = Object.values(this.#workspace(workspace)?.jobStates ?? {});
    states.sort((a, b) => b.id - a.id);
    return Promise.resolve(states.slice(page.offset, page.offset + page.limit));
  }

  pruneJobStates(before: Date): Promise<number> {
    return this.#mutex.run(async () => {
      const doomed = staleJobStates(this.#document, before);
      if (doomed.length === 0) return 0;
      await this.#saved.update((draft) => {
        dropJobStates(draft, doomed);
      });
      return doomed.length;
    });
  }

  getResult(workspace: string, ref: TestRef): Promise<ResultRecord | undefined> {
    return Promise.resolve(this.#workspace(workspace)?.results[testId(ref)]);
  }

  getResults(workspace: string, refs: readonly TestRef[]): Promise<Map<string, ResultRecord>> {
    const results = this.#workspace(workspace)?.results ?? {};
    const found = new Map<string, ResultRecord>();
    for (const ref of refs) {
      const id = testId(ref);
      if (Object.hasOwn(results, id)) found.set(id, results[id] as ResultRecord);
    }
    return Promise.resolve(found);
  }

  listResults(
    workspace: string,
    filter: { pool: string; suite?: string },
  ): Promise<ResultRecord[]> {
    const results = Object.values(this.#workspace(workspace)?.results ?? {}).filter(
      (r) => r.pool === filter.pool && (filter.suite === undefined || r.suite === filter.suite),
    );
    return Promise.resolve(
      results.sort((a, b) => a.suite.localeCompare(b.suite) || a.test.localeCompare(b.test)),
    );
  }

  releaseJob(workspace: string, id: number, now: Date): Promise<ReleaseOutcome> {
    return this.#mutex.run(async () => {
      const job = this.#workspace(workspace)?.jobs[String(id)];
      if (job === undefined) throw unknownJobError(id);
      const outcome = countRelease(
        job,
        job.tests.map((_, index) => index),
        now,
      );
      if (job.releasedAt !== null) return outcome;
      await this.#saved.update((draft) => {
        const stamp = now.toISOString();
        draftWorkspace(draft, workspace, 'jobs').jobs[String(id)] = { ...job, releasedAt: stamp };
      });
      return outcome;
    });
  }

  releaseTest(workspace: string, ref: TestRef, now: Date): Promise<ReleaseOutcome> {
    return this.#mutex.run(async () => {
      const ws = this.#workspace(workspace);
      const result = ws?.results[testId(ref)];
      const job = result === undefined ? undefined : ws?.jobs[String(result.jobId)];
      if (job === undefined) throw noAllocationError(ref);
      const holding = holdingTestIndexes(job, ref);
      if (holding.length === 0 || !isJobLive(job, now)) return { released: 0, consumed: 0 };
      const outcome = countRelease(job, holding, now);
      await this.#saved.update((draft) => {
        const tests = job.tests.map((t, i) =>
          holding.includes(i) ? { ...t, releasedAt: now.toISOString() } : t,
        );
        draftWorkspace(draft, workspace, 'jobs').jobs[String(job.id)] = { ...job, tests };
      });
      return outcome;
    });
  }

  createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    return this.#tenancy.createWorkspace(workspace);
  }

  getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    return this.#tenancy.getWorkspace(id);
  }

  listWorkspaces(): Promise<WorkspaceRecord[]> {
    return this.#tenancy.listWorkspaces();
  }

  putApiKey(key: ApiKeyRecord): Promise<void> {
    return this.#tenancy.putApiKey(key);
  }

  findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    return this.#tenancy.findApiKey(id);
  }

  listApiKeys(workspace: string): Promise<ApiKeyRecord[]> {
    return this.#tenancy.listApiKeys(workspace);
  }

  putUser(user: UserRecord): Promise<void> {
    return this.#tenancy.putUser(user);
  }

  getUser(workspace: string, id: string): Promise<UserRecord | undefined> {
    return this.#tenancy.getUser(workspace, id);
  }

  listUsers(workspace: string): Promise<UserRecord[]> {
    return this.#tenancy.listUsers(workspace);
  }

  deleteUser(workspace: string, id: string): Promise<boolean> {
    return this.#tenancy.deleteUser(workspace, id);
  }

  close(): Promise<void> {
    return this.#mutex.run(() => this.#persistence.close());
  }

  /** The document as last saved. */
  get #document(): StoreDocument {
    return this.#saved.current;
  }

  #workspace(workspace: string): WorkspaceDocument | undefined {
    return ownEntry(this.#document.workspaces, workspace);
  }

  #blocksOf(workspace: string, block: string): BlockVersionMeta[] | undefined {
    const ws = this.#workspace(workspace);
    return ws === undefined ? undefined : ownEntry(ws.blocks, block);
  }

  #poolOf(workspace: string, name: string): PoolDefinition | undefined {
    const ws = this.#workspace(workspace);
    return ws === undefined ? undefined : ownEntry(ws.pools, name);
  }
}
