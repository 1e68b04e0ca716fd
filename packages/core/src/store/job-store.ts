import type { RowValues } from '../model/block-version.js';
import type {
  ClaimState,
  JobCommit,
  JobRecord,
  ReleaseOutcome,
  ResultRecord,
  TestRef,
} from '../model/job-record.js';
import type { Where } from '../model/pool-definition.js';
import type { JobStateRecord } from '../job-state-record.js';
import type { Page } from './page.js';

/** One find of what {@link JobStore.gatherCandidates} is asked: a filter over one block version. */
export interface CandidateQuery {
  block: string;
  version: string;
  /** The find's filter, already validated against the version's columns. */
  where: Where | undefined;
  /** The version's columns, in row order. */
  columns: readonly string[];
  /** The column whose value identifies a row in leases and consumed rows (the pool's key). */
  keyIndex: number;
  /** Read-only finds may take rows that only shared leases hold. */
  readOnly: boolean;
  now: Date;
  /** At most this many rows, the first in row order; every qualifying row when absent. */
  limit?: number;
  /**
   * The columns whose values the engine needs of every row found (the
   * columns of the find's order), by index; every column when absent. A
   * store may answer each row with only these cells and the key's (as a
   * string), leaving the others out: holes in an array as long as
   * `columns`. The engine then reads the values of the rows it allocates
   * through {@link JobStore.rowsByKey}, and of no other.
   */
  cells?: readonly number[];
}

/**
 * The jobs and leases slice of the {@link Store}: job ids, claims, commits,
 * job states, results and releases.
 */
export interface JobStore {
  /**
   * A new job id, the next of its workspace (each workspace counts its own
   * jobs from 1, so ids say nothing of other workspaces' work): unique in
   * the workspace, so makes can name their job.
   */
  reserveJobId(workspace: string): Promise<number>;
  /** Live leases and consumed rows of the given blocks at `now`. */
  claimState(workspace: string, blocks: string[], now: Date): Promise<ClaimState>;
  /**
   * Optional: for each find of a job, the rows of its block version that it
   * selects and that are free for it (not consumed, not held against it by a
   * live lease), in row order; answers in the order of `queries`. The
   * filter's semantics are exactly those of `compileWhere`. An answer is
   * undefined when the store cannot evaluate that filter itself, or would
   * rather the engine scanned the rows in memory (they are in its memory
   * already); the engine then reads the whole version. Asked once per job
   * with every find, so a store can serve the finds of one block version
   * with one scan; when every find of a version is answered, the engine
   * does not read the version's rows at all. A query's `cells` says which
   * values its rows must carry: the key's and these.
   */
  gatherCandidates?(
    workspace: string,
    queries: readonly CandidateQuery[],
  ): Promise<Array<RowValues[] | undefined>>;
  /**
   * Optional, with {@link gatherCandidates}: the rows of a block version
   * whose cell at `keyIndex` is one of `keys` (as strings), in row order.
   * The engine reads the rows held by leases or consumed this way to explain
   * a shortfall without reading the whole version, and the values of the
   * rows it allocates among those {@link gatherCandidates} gave by key only.
   */
  rowsByKey?(
    workspace: string,
    version: { block: string; version: string },
    keyIndex: number,
    keys: readonly string[],
  ): Promise<RowValues[]>;
  /** The newest live job (not released, not expired) with this bundle key. */
  findLiveJob(workspace: string, bundleKey: string, now: Date): Promise<JobRecord | undefined>;
  /**
   * Writes the job, its leases, its results, its made rows and the
   * consumption of its consumed tests' rows, all or nothing. Throws
   * {@link LeaseConflictError} when a row is held by another live job (or
   * consumed) at commit time, and `DUPLICATE_KEY` when a made row repeats a key.
   */
  commitJob(commit: JobCommit, now: Date): Promise<JobRecord>;
  getJob(workspace: string, id: number): Promise<JobRecord | undefined>;
  /** Newest first. */
  listJobs(workspace: string, page: Page): Promise<JobRecord[]>;

  /**
   * Creates or replaces the state of a job (queued, running, finished), so
   * that any process sharing the store can report on it while it runs.
   * Only the process running a job writes its state.
   */
  putJobState(state: JobStateRecord): Promise<void>;
  /** The state of a job, only within its workspace. */
  getJobState(workspace: string, id: number): Promise<JobStateRecord | undefined>;
  /** The job states of a workspace, newest (highest id) first, one page of them. */
  listJobStates(workspace: string, page: Page): Promise<JobStateRecord[]>;
  /** Deletes the states of finished jobs last updated before `before`, in every workspace; returns how many. */
  pruneJobStates(before: Date): Promise<number>;

  getResult(workspace: string, ref: TestRef): Promise<ResultRecord | undefined>;
  /** The results of many tests at once, keyed by {@link testId}; tests without one are absent. */
  getResults(workspace: string, refs: readonly TestRef[]): Promise<Map<string, ResultRecord>>;
  /**
   * Optional: of `refs`, the tests whose result a job live at `now` holds
   * with that test (its last listing in the job) still holding rows, each
   * with the job's id, keyed by {@link testId}. A store that can answer
   * without handing over results and whole job records saves a bundle run
   * again after its job ended from reading both; without it, the engine
   * reads them and decides itself.
   */
  liveResultHolders?(
    workspace: string,
    refs: readonly TestRef[],
    now: Date,
  ): Promise<Map<string, number>>;
  /** Results of a pool, optionally of one suite, ordered by suite and test. */
  listResults(workspace: string, filter: { pool: string; suite?: string }): Promise<ResultRecord[]>;

  /** Ends the leases of a job; consumed rows stay consumed. */
  releaseJob(workspace: string, id: number, now: Date): Promise<ReleaseOutcome>;
  /** Ends the leases of one test's rows in its live job. */
  releaseTest(workspace: string, ref: TestRef, now: Date): Promise<ReleaseOutcome>;
}
