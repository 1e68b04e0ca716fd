import type { ExecuteOptions, JobProgress, JobReport, Store, TestRef } from '@allot/core';
import type { ResolutionServer } from '../resolution/resolution-servers.js';

/** A job this process started, while it runs and for a while after. */
export interface TrackedJob {
  /** The id announced to the caller (reserved before the job ran). */
  id: number;
  workspace: string;
  server: string;
  state: 'running' | 'done' | 'error';
  /** Waiting for the jobs of its workspace started before it. */
  queued: boolean;
  progress: JobProgress | null;
  /** The committed job that answers this one: itself, or an earlier live job of the same bundle. */
  answeredBy: number | null;
  report: JobReport | null;
  /** Why a job that threw has no report. */
  error: unknown;
  createdAt: string;
  updatedAt: string;
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
}

/** How many finished jobs stay tracked, for alias lookups and errors the store never saw. */
const FINISHED_KEPT = 2000;

/**
 * Runs jobs in the background so a request can answer with an id at once,
 * tracks their progress, and lets shutdown wait for the ones in flight.
 *
 * Jobs of one workspace run one after another, in the order they came: jobs
 * running side by side over the same rows would mostly plan the same rows,
 * and all but one would lose the commit and start over after a backoff.
 * Jobs of different workspaces never share rows and run side by side.
 */
export class JobRunner {
  readonly #store: Store;
  readonly #jobs = new Map<string, TrackedJob>();
  /** The last job started in each workspace: the next one runs after it. */
  readonly #tails = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #clock: () => Date;

  constructor(store: Store, clock: () => Date = () => new Date()) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Reserves the job's id, starts it, and returns at once. */
  async start(input: StartJob): Promise<TrackedJob> {
    const id = await this.#store.reserveJobId(input.workspace);
    const now = this.#clock().toISOString();
    const job: TrackedJob = {
      id,
      workspace: input.workspace,
      server: input.server.name,
      state: 'running',
      queued: true,
      progress: null,
      answeredBy: null,
      report: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      finished: Promise.resolve(),
    };
    const options: ExecuteOptions = {
      tests: input.tests,
      workspace: input.workspace,
      jobId: id,
      clock: this.#clock,
      onProgress: (progress) => {
        job.progress = progress;
        job.updatedAt = this.#clock().toISOString();
      },
    };
    if (input.refresh !== undefined) options.refresh = input.refresh;
    if (input.ttlSeconds !== undefined) options.ttlSeconds = input.ttlSeconds;
    if (input.seed !== undefined) options.seed = input.seed;
    const before = this.#tails.get(input.workspace) ?? Promise.resolve();
    const finished = before.then(() => this.#run(job, input.server, options));
    job.finished = finished;
    this.#tails.set(input.workspace, finished);
    this.#inFlight.add(finished);
    void finished.finally(() => {
      this.#inFlight.delete(finished);
      if (this.#tails.get(input.workspace) === finished) this.#tails.delete(input.workspace);
    });
    this.#remember(job);
    return job;
  }

  /** A job this process tracks, only within its workspace. */
  get(workspace: string, id: number): TrackedJob | undefined {
    const job = this.#jobs.get(`${workspace}\u0000${id}`);
    return job?.workspace === workspace ? job : undefined;
  }

  /** Waits for a job to finish, at most `ms`; true when it finished. */
  async wait(job: TrackedJob, ms: number): Promise<boolean> {
    if (job.state !== 'running') return true;
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

  async #run(job: TrackedJob, server: ResolutionServer, options: ExecuteOptions): Promise<void> {
    job.queued = false;
    job.updatedAt = this.#clock().toISOString();
    try {
      const report = await server.execute(this.#store, options);
      job.report = report;
      // A cached bundle is answered by an earlier job: the reserved id then never commits.
      job.answeredBy = report.jobId;
      job.state = 'done';
    } catch (error) {
      job.error = error;
      job.state = 'error';
    }
    job.updatedAt = this.#clock().toISOString();
  }

  #remember(job: TrackedJob): void {
    this.#jobs.set(`${job.workspace}\u0000${job.id}`, job);
    if (this.#jobs.size <= FINISHED_KEPT) return;
    for (const [key, old] of this.#jobs) {
      if (this.#jobs.size <= FINISHED_KEPT) break;
      if (old.state !== 'running') this.#jobs.delete(key);
    }
  }
}
