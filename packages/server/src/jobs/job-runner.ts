import type { JobStateRecord, QuotaGate, TestRef } from '@allot/core';
import { HEARTBEAT_MS, type BundleOptions, type ExecuteStore } from '@allot/use-cases';
import { toErrorBody } from '../errors/error-body.js';
import type { ResolutionServer } from '../resolution/resolution-servers.js';
import { JobStateWriter } from './job-state-writer.js';

/** A job this process started. Its state lives in the store, where every replica reads it. */
export interface TrackedJob {
  /** The id announced to the caller (reserved before the job ran). */
  id: number;
  workspace: string;
  /** True once the job has finished and its final state is written (or could not be). */
  done: boolean;
  /** Settles when the job has finished, whatever the outcome; never rejects. */
  finished: Promise<void>;
}

export interface StartJob {
  workspace: string;
  server: ResolutionServer;
  tests: readonly TestRef[];
  refresh?: boolean;
  ttlSeconds?: number;
  seed?: string;
  /** Who asked: a user id or the key's name, kept in the job's state. */
  createdUser?: string | null;
  /** The public id of the key that asked (never its secret). */
  keyId?: string | null;
}

/** Options of a {@link JobRunner}. */
export interface JobRunnerOptions {
  clock?: () => Date;
  /** Told of errors a job hit that are not the caller's fault (the job's state says only "internal error"). */
  onUnexpectedError?: (error: unknown, job: { workspace: string; id: number }) => void;
  /**
   * Told of each job once its final state is written (done or error), e.g.
   * to record `job.completed` or `job.failed`. Its failure fails nothing.
   */
  onFinished?: (job: JobStateRecord) => void | Promise<void>;
  /** The process's make quotas; without one, makes wait for no quota. */
  gate?: QuotaGate;
}

/** States of finished jobs are kept this long (an alias answers `GET job/{id}` that long). */
export const JOB_STATE_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** How often a process prunes old states, at most. */
const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * Runs jobs in the background so a request can answer with an id at once,
 * writes each job's state to the store from the moment it is queued (so any
 * replica can report on it), and lets shutdown wait for the ones in flight.
 *
 * Jobs of one workspace run one after another, in the order they came: jobs
 * running side by side over the same rows would mostly plan the same rows,
 * and all but one would lose the commit and start over after a backoff.
 * Jobs of different workspaces never share rows and run side by side.
 */
export class JobRunner {
  readonly #store: ExecuteStore;
  readonly #clock: () => Date;
  readonly #onUnexpectedError: NonNullable<JobRunnerOptions['onUnexpectedError']>;
  readonly #onFinished: NonNullable<JobRunnerOptions['onFinished']>;
  readonly #gate: QuotaGate | undefined;
  /** The last job started in each workspace: the next one runs after it. */
  readonly #tails = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  /** Writers of the jobs not finished yet, for the heartbeat. */
  readonly #live = new Set<JobStateWriter>();
  #heartbeat: NodeJS.Timeout | undefined;
  #lastPrune = 0;

  constructor(store: ExecuteStore, options: JobRunnerOptions = {}) {
    this.#store = store;
    this.#clock = options.clock ?? (() => new Date());
    this.#onUnexpectedError = options.onUnexpectedError ?? (() => undefined);
    this.#onFinished = options.onFinished ?? (() => undefined);
    this.#gate = options.gate;
  }

  /**
   * Reserves the job's id, writes its state (queued, or running when nothing
   * of its workspace runs before it), starts it, and returns at once. Fails,
   * running nothing, when the state cannot be written.
   */
  async start(input: StartJob): Promise<TrackedJob> {
    const id = await this.#store.reserveJobId(input.workspace);
    const before = this.#tails.get(input.workspace);
    const now = this.#clock().toISOString();
    const record: JobStateRecord = {
      workspace: input.workspace,
      id,
      phase: before === undefined ? 'running' : 'queued',
      server: input.server.name,
      createdUser: input.createdUser ?? null,
      keyId: input.keyId ?? null,
      tests: input.tests.length,
      progress: null,
      answeredBy: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    };
    const writer = new JobStateWriter(this.#store, record, this.#clock);
    const created = writer.write();
    const job: TrackedJob = { id, workspace: input.workspace, done: false, finished: created };
    const options: BundleOptions = {
      tests: input.tests,
      workspace: input.workspace,
      jobId: id,
      clock: this.#clock,
      onProgress: (progress) => writer.progress(progress),
    };
    if (this.#gate !== undefined) options.gate = this.#gate;
    if (input.refresh !== undefined) options.refresh = input.refresh;
    if (input.ttlSeconds !== undefined) options.ttlSeconds = input.ttlSeconds;
    if (input.seed !== undefined) options.seed = input.seed;
    const finished = (before ?? Promise.resolve())
      .then(() => created)
      .then(
        () => this.#run(writer, input.server, options),
        // The caller is told (start rejects); there is no job to run or report.
        () => undefined,
      )
      .finally(() => {
        job.done = true;
        this.#live.delete(writer);
        this.#pruneNowAndThen();
      });
    job.finished = finished;
    this.#tails.set(input.workspace, finished);
    this.#inFlight.add(finished);
    this.#live.add(writer);
    this.#beat();
    void finished.finally(() => {
      this.#inFlight.delete(finished);
      if (this.#tails.get(input.workspace) === finished) this.#tails.delete(input.workspace);
    });
    await created;
    return job;
  }

  /** Waits for a job to finish, at most `ms` (0: not at all); true when it finished. */
  async wait(job: TrackedJob, ms: number): Promise<boolean> {
    if (job.done || ms <= 0) return job.done;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const done = await Promise.race([job.finished.then(() => true), timeout]);
    clearTimeout(timer);
    return done;
  }

  /** Jobs still running. */
  get running(): number {
    return this.#inFlight.size;
  }

  /** Resolves when every job in flight has committed or failed. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #run(
    writer: JobStateWriter,
    server: ResolutionServer,
    options: BundleOptions,
  ): Promise<void> {
    if (writer.record.phase === 'queued') writer.write({ phase: 'running' }).catch(() => undefined);
    let final: Partial<JobStateRecord>;
    try {
      const report = await server.execute(this.#store, options);
      // A cached bundle is answered by an earlier job: the reserved id then never commits.
      final = { phase: 'done', answeredBy: report.jobId };
    } catch (error) {
      const { body, expected } = toErrorBody(error, '');
      if (!expected) this.#onUnexpectedError(error, writer.record);
      final = { phase: 'error', error: { code: body.code, message: body.message } };
    }
    // Unwritten, the state stays "running" until readers see its heartbeat has stopped.
    const written = await writer.finish(final).then(
      () => true,
      () => false,
    );
    if (!written) return;
    try {
      await this.#onFinished(writer.record);
    } catch (error) {
      this.#onUnexpectedError(error, writer.record);
    }
  }

  /** Keeps the states of live jobs fresh while any runs; stops when none does. */
  #beat(): void {
    if (this.#heartbeat !== undefined) return;
    this.#heartbeat = setInterval(() => {
      if (this.#live.size === 0) {
        clearInterval(this.#heartbeat);
        this.#heartbeat = undefined;
        return;
      }
      for (const writer of this.#live) {
        if (Date.now() - writer.lastWrite >= HEARTBEAT_MS) writer.write().catch(() => undefined);
      }
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  #pruneNowAndThen(): void {
    if (Date.now() - this.#lastPrune < PRUNE_EVERY_MS) return;
    this.#lastPrune = Date.now();
    const before = new Date(this.#clock().getTime() - JOB_STATE_RETENTION_MS);
    // Pruning is housekeeping: a failure waits for the next one.
    this.#store.pruneJobStates(before).catch(() => undefined);
  }
}
