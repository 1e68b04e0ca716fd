import type { Page } from '../store/page.js';

/**
 * A value that survives a JSON round trip: what a queued job's payload and
 * result must be, since the PostgreSQL queue stores them as `jsonb` and the
 * embedded one in a JSON file.
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Where a queued job is: `queued` (waiting for a worker, or for a retry),
 * `running`, then one of the final states `completed`, `failed` or
 * `cancelled`.
 */
export type QueuedJobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** The final states: a job in one of them never changes again. */
export const FINAL_QUEUED_JOB_STATES: readonly QueuedJobState[] = [
  'completed',
  'failed',
  'cancelled',
];

/** How far a running job has got, as its handler last reported. */
export interface QueueProgress {
  done: number;
  total: number;
  message?: string;
}

/**
 * Why a job failed. `code` is the handler's error code when it threw an
 * `AllotError`, `HANDLER_FAILED` for any other error, and `WORKER_LOST` when
 * the process running it died on its last attempt.
 */
export interface QueueError {
  code: string;
  message: string;
}

/**
 * A unit of long work in the queue, as any process reading the queue sees
 * it. Not to be confused with an allocation job ({@link JobRecord}), which
 * is one execution of a bundle of allocation tests with its own engine and
 * ids; a queued job runs work of any registered kind.
 */
export interface QueuedJob {
  /** Unique across workspaces (a UUID). */
  id: string;
  workspace: string;
  /** The kind of work; the handler registered for it runs the job. */
  kind: string;
  payload: JsonValue;
  state: QueuedJobState;
  /** The last progress report of the current or last attempt, if any. */
  progress: QueueProgress | null;
  /** What the handler returned, once `completed`. */
  result: JsonValue | null;
  /** Why the last attempt failed (kept while a retry is `queued`). */
  error: QueueError | null;
  /** Attempts started so far, the running one included. */
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/** Options of {@link WorkQueue.enqueue}. */
export interface EnqueueOptions {
  /** Attempts before the job fails for good; default 3. */
  maxAttempts?: number;
  /** Wait before a failed attempt is retried, in milliseconds; default 1000. */
  retryDelayMs?: number;
  /**
   * Doubles the wait after each failed attempt (`retryDelayMs`, then twice
   * that, four times …), for work whose failures are someone else's outage,
   * such as a webhook receiver; default false (the same wait every time).
   */
  retryBackoff?: boolean;
  /**
   * How long one attempt may run, in seconds, before the queue takes its
   * worker for dead and hands the job to another (PostgreSQL); default 900.
   * A job expected to run longer must say so.
   */
  timeoutSeconds?: number;
}

/** Which jobs {@link WorkQueue.list} returns. */
export interface QueuedJobFilter {
  state?: QueuedJobState;
  kind?: string;
}

/** A page of {@link WorkQueue.list}: the jobs, newest first, and how many match. */
export interface QueuedJobPage {
  jobs: QueuedJob[];
  total: number;
}

/** What a handler is given to run one attempt of a job. */
export interface QueueWork<P extends JsonValue = JsonValue> {
  id: string;
  workspace: string;
  kind: string;
  payload: P;
  /** 1 for the first attempt. */
  attempt: number;
  /** Reports progress; cheap to call often (the queue keeps the last report). */
  progress(done: number, total: number, message?: string): void;
  /**
   * Aborted when the job is cancelled, or when the queue handed it to another
   * worker; the handler should stop soon after. Whatever it returns then is
   * dropped.
   */
  signal: AbortSignal;
}

/** Runs one attempt of a job of its kind; a throw fails the attempt. */
export type QueueHandler<P extends JsonValue = JsonValue, R extends JsonValue = JsonValue> = (
  work: QueueWork<P>,
) => Promise<R>;

/** Options of {@link WorkQueue.work}. */
export interface WorkOptions {
  /** Jobs of this kind this process runs at once; default 1. */
  concurrency?: number;
}

/**
 * One queue for long work (dataset generation, data assembly, big
 * coverage), readable by workspace. Every process may enqueue and read;
 * a process that registers a handler for a kind also runs jobs of that kind.
 * Implementations: in-process ({@link openMemoryWorkQueue}, optionally kept
 * in a file by the embedded store) and on PostgreSQL, where any replica runs
 * a job and every replica reports it.
 */
export interface WorkQueue {
  /** Queues a job and returns its id. */
  enqueue(
    workspace: string,
    kind: string,
    payload: JsonValue,
    options?: EnqueueOptions,
  ): Promise<string>;
  /** A job of the workspace, or undefined (also for another workspace's id). */
  get(workspace: string, id: string): Promise<QueuedJob | undefined>;
  /** The workspace's jobs, newest first. */
  list(workspace: string, filter?: QueuedJobFilter, page?: Page): Promise<QueuedJobPage>;
  /**
   * Cancels a job that has not finished: a queued one never runs, a running
   * one has its signal aborted. Returns the job as it now is (unchanged when
   * it had finished), or undefined when the workspace has no such job.
   */
  cancel(workspace: string, id: string): Promise<QueuedJob | undefined>;
  /** Makes this process run jobs of `kind` with `handler`; one handler per kind. */
  work<P extends JsonValue, R extends JsonValue>(
    kind: string,
    handler: QueueHandler<P, R>,
    options?: WorkOptions,
  ): Promise<void>;
  /** Stops taking jobs, aborts the running ones, and frees resources. */
  close(): Promise<void>;
}
