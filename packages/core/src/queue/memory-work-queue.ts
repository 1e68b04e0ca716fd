import { randomUUID } from 'node:crypto';
import { AllotError } from '../errors.js';
import { Mutex } from '../store/mutex.js';
import type { Page } from '../store/page.js';
import { checkQueuedJobFilter, checkQueueKind, resolveEnqueueOptions } from './queue-options.js';
import { toQueueError, WORKER_LOST } from './queue-error.js';
import type {
  EnqueueOptions,
  JsonValue,
  QueuedJob,
  QueuedJobFilter,
  QueuedJobPage,
  QueueHandler,
  WorkOptions,
  WorkQueue,
} from './work-queue.js';
import { FINAL_QUEUED_JOB_STATES } from './work-queue.js';

/** A job as the in-process queue keeps it: the job and when it may run again. */
export interface StoredQueuedJob {
  job: QueuedJob;
  retryDelayMs: number;
  /** Doubles the wait after each failed attempt; absent in files saved before it existed. */
  retryBackoff?: boolean;
  /** Epoch milliseconds before which a retry waits; null when it may run now. */
  notBefore: number | null;
}

/**
 * Where the in-process queue keeps its jobs between runs (the embedded
 * store's data directory); without one, jobs live as long as the process.
 */
export interface WorkQueuePersistence {
  /** The jobs saved last, or undefined the first time. */
  load(): Promise<StoredQueuedJob[] | undefined>;
  /** Replaces what was saved; calls never overlap. */
  save(jobs: readonly StoredQueuedJob[]): Promise<void>;
}

/** Options of {@link openMemoryWorkQueue}. */
export interface MemoryWorkQueueOptions {
  persistence?: WorkQueuePersistence;
  /** The time stamps' source; default the system clock. */
  clock?: () => Date;
}

interface Worker {
  handler: QueueHandler<JsonValue, JsonValue>;
  concurrency: number;
  running: number;
  wake?: ReturnType<typeof setTimeout>;
}

interface Run {
  attempt: number;
  controller: AbortController;
  done: Promise<void>;
}

const INTERRUPTED = {
  code: 'WORKER_LOST',
  message: 'the process stopped while the job ran; it runs again',
};

/**
 * Opens the in-process work queue: jobs run in this process, by the handler
 * registered for their kind, `concurrency` at a time per kind. A failed
 * attempt is retried after the job's `retryDelayMs` until `maxAttempts`.
 * With `persistence`, every change of state is saved, and a job that was
 * running when the process stopped is queued again on the next open (or
 * failed with WORKER_LOST if that was its last attempt). Progress is saved
 * with the next change of state. `timeoutSeconds` is not enforced here: a
 * handler in this process cannot die without the process. Once `close`
 * resolves (for every caller, a second call waits for the first) nothing
 * more is saved; `enqueue`, `work` and `cancel` then throw STORE_FAILURE.
 */
export async function openMemoryWorkQueue(
  options: MemoryWorkQueueOptions = {},
): Promise<WorkQueue> {
  const queue = new MemoryWorkQueue(options);
  await queue.load();
  return queue;
}

class MemoryWorkQueue implements WorkQueue {
  readonly #persistence: WorkQueuePersistence | undefined;
  readonly #clock: () => Date;
  readonly #jobs = new Map<string, StoredQueuedJob>();
  readonly #workers = new Map<string, Worker>();
  readonly #runs = new Map<string, Run>();
  readonly #saves = new Mutex();
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(options: MemoryWorkQueueOptions) {
    this.#persistence = options.persistence;
    this.#clock = options.clock ?? (() => new Date());
  }

  async load(): Promise<void> {
    const saved = (await this.#persistence?.load()) ?? [];
    const now = this.#now();
    for (const stored of saved) {
      const { job } = stored;
      if (job.state === 'running') {
        const last = job.attempts >= job.maxAttempts;
        job.state = last ? 'failed' : 'queued';
        job.error = last ? WORKER_LOST : INTERRUPTED;
        if (last) job.finishedAt = now;
        job.updatedAt = now;
      }
      this.#jobs.set(job.id, stored);
    }
    if (saved.length > 0) await this.#save();
  }

  async enqueue(
    workspace: string,
    kind: string,
    payload: JsonValue,
    options?: EnqueueOptions,
  ): Promise<string> {
    this.#open();
    checkQueueKind(kind);
    const resolved = resolveEnqueueOptions(options);
    const now = this.#now();
    const id = randomUUID();
    const job: QueuedJob = {
      id,
      workspace,
      kind,
      payload: toJson(payload),
      state: 'queued',
      progress: null,
      result: null,
      error: null,
      attempts: 0,
      maxAttempts: resolved.maxAttempts,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    };
    this.#jobs.set(id, {
      job,
      retryDelayMs: resolved.retryDelayMs,
      retryBackoff: resolved.retryBackoff,
      notBefore: null,
    });
    await this.#save();
    this.#pump(kind);
    return id;
  }

  async get(workspace: string, id: string): Promise<QueuedJob | undefined> {
    const stored = this.#jobs.get(id);
    return stored && stored.job.workspace === workspace ? structuredClone(stored.job) : undefined;
  }

  async list(workspace: string, filter?: QueuedJobFilter, page?: Page): Promise<QueuedJobPage> {
    const { state, kind } = checkQueuedJobFilter(filter);
    const matching = [...this.#jobs.values()]
      .map((stored) => stored.job)
      .filter(
        (job) =>
          job.workspace === workspace &&
          (state === undefined || job.state === state) &&
          (kind === undefined || job.kind === kind),
      )
      .reverse();
    const offset = page?.offset ?? 0;
    const limit = page?.limit ?? 50;
    return {
      jobs: matching.slice(offset, offset + limit).map((job) => structuredClone(job)),
      total: matching.length,
    };
  }

  async cancel(workspace: string, id: string): Promise<QueuedJob | undefined> {
    // Closed, its last save may be made already: a cancel now would write after it.
    this.#open();
    const stored = this.#jobs.get(id);
    if (!stored || stored.job.workspace !== workspace) return undefined;
    const { job } = stored;
    if (!FINAL_QUEUED_JOB_STATES.includes(job.state)) {
      job.state = 'cancelled';
      job.finishedAt = job.updatedAt = this.#now();
      this.#runs.get(id)?.controller.abort(new Error('the job was cancelled'));
      await this.#save();
    }
    return structuredClone(job);
  }

  async work<P extends JsonValue, R extends JsonValue>(
    kind: string,
    handler: QueueHandler<P, R>,
    options: WorkOptions = {},
  ): Promise<void> {
    this.#open();
    checkQueueKind(kind);
    if (this.#workers.has(kind)) {
      throw new AllotError('INVALID_INPUT', `a handler for ${kind} jobs is registered already`, {
        field: 'kind',
      });
    }
    this.#workers.set(kind, {
      handler: handler as unknown as QueueHandler<JsonValue, JsonValue>,
      concurrency: Math.max(1, options.concurrency ?? 1),
      running: 0,
    });
    this.#pump(kind);
  }

  close(): Promise<void> {
    // Every caller waits for the same last save, so that none sees the close done while it is written.
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  async #shutDown(): Promise<void> {
    this.#closed = true;
    for (const worker of this.#workers.values()) clearTimeout(worker.wake);
    const runs = [...this.#runs.values()];
    for (const run of runs) run.controller.abort(new Error('the queue is closing'));
    await Promise.all(runs.map((run) => run.done));
    await this.#save();
  }

  /** Starts as many due jobs of `kind` as its worker has room for. */
  #pump(kind: string): void {
    const worker = this.#workers.get(kind);
    if (!worker || this.#closed) return;
    clearTimeout(worker.wake);
    const now = this.#clock().getTime();
    let soonest = Infinity;
    for (const stored of this.#jobs.values()) {
      if (worker.running >= worker.concurrency) return;
      if (stored.job.kind !== kind || stored.job.state !== 'queued') continue;
      if (stored.notBefore !== null && stored.notBefore > now) {
        soonest = Math.min(soonest, stored.notBefore);
        continue;
      }
      this.#start(stored, worker);
    }
    if (soonest < Infinity) {
      worker.wake = setTimeout(() => this.#pump(kind), soonest - now);
      worker.wake.unref();
    }
  }

  #start(stored: StoredQueuedJob, worker: Worker): void {
    const { job } = stored;
    job.state = 'running';
    job.attempts += 1;
    job.progress = null;
    job.startedAt = job.updatedAt = this.#now();
    stored.notBefore = null;
    worker.running += 1;
    const attempt = job.attempts;
    const controller = new AbortController();
    const current = () => this.#runs.get(job.id)?.attempt === attempt && job.state === 'running';
    const execute = async () => {
      await this.#save().catch(() => undefined);
      try {
        // Cancelled while its start was being saved: the handler never sees it.
        if (!current()) return;
        // Closed while its start was being saved: handed back without running.
        if (controller.signal.aborted) throw controller.signal.reason;
        const result = await worker.handler({
          id: job.id,
          workspace: job.workspace,
          kind: job.kind,
          payload: structuredClone(job.payload),
          attempt,
          signal: controller.signal,
          progress: (done, total, message) => {
            if (!current()) return;
            // Closed while its start was being saved: handed back without running.
            if (controller.signal.aborted) throw controller.signal.reason;
            job.progress = message === undefined ? { done, total } : { done, total, message };
            job.updatedAt = this.#now();
          },
        });
        if (current()) this.#finish(stored, { result: toJson(result ?? null) }, controller.signal);
      } catch (error) {
        if (current()) this.#finish(stored, { error }, controller.signal);
      } finally {
        this.#runs.delete(job.id);
        worker.running -= 1;
        await this.#save().catch(() => undefined);
        this.#pump(job.kind);
      }
    };
    const run: Run = { attempt, controller, done: Promise.resolve() };
    this.#runs.set(job.id, run);
    run.done = execute();
  }

  #finish(
    stored: StoredQueuedJob,
    outcome: { result: JsonValue } | { error: unknown },
    signal: AbortSignal,
  ): void {
    const { job } = stored;
    const now = this.#now();
    job.updatedAt = now;
    if (signal.aborted) {
      // Aborted by close (a cancel leaves no current run): whatever the handler made of the
      // abort is dropped, and the attempt, not its fault, is handed back as on a restart.
      Object.assign(job, { state: 'queued', error: INTERRUPTED, progress: null });
      job.attempts -= 1;
      return;
    }
    if ('result' in outcome) {
      Object.assign(job, { state: 'completed', result: outcome.result, error: null });
      job.finishedAt = now;
      return;
    }
    job.error = toQueueError(outcome.error);
    if (job.attempts < job.maxAttempts) {
      job.state = 'queued';
      const factor = stored.retryBackoff === true ? 2 ** Math.min(16, job.attempts - 1) : 1;
      stored.notBefore = this.#clock().getTime() + stored.retryDelayMs * factor;
      return;
    }
    job.state = 'failed';
    job.finishedAt = now;
  }

  #save(): Promise<void> {
    const persistence = this.#persistence;
    if (!persistence) return Promise.resolve();
    return this.#saves.run(() => persistence.save(structuredClone([...this.#jobs.values()])));
  }

  #open(): void {
    if (this.#closed) throw new AllotError('STORE_FAILURE', 'the work queue is closed');
  }

  #now(): string {
    return this.#clock().toISOString();
  }
}

/** A deep copy through JSON, so that what is kept is what a file or jsonb would keep. */
function toJson(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
