import type { JobStatus, TestRef } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { bundleRefs, describeBundle } from './bundle-refs.js';
import type { BundleTest } from './model.js';
import { pollJob } from './poll-job.js';
import { displayUrl, redact, send, type TransportOptions } from './transport.js';

/** Options of {@link AllotClient.waitForJob}. */
export interface WaitForJobOptions {
  /** How long to poll for the end of the job; default the client's `jobTimeoutMs`. */
  timeoutMs?: number;
  /** Called with each status read while the job is still running. */
  onProgress?: (status: JobStatus) => void;
}

/** Options of {@link AllotClient.runJob}: the body of `POST /api/v1/jobs`, and how long to wait. */
export interface RunJobOptions extends WaitForJobOptions {
  /** The pool of tests that name none. */
  pool?: string;
  /** The resolution server; default `local`. */
  server?: string;
  /** Allocate anew even when the same bundle holds live leases from an earlier job. */
  refresh?: boolean;
  /** How long the leases last (1 s to 30 days); default the server's (2 h). */
  ttlSeconds?: number;
  /** Makes generated values repeatable. */
  seed?: string;
  /** How long the server holds the first answer for the job to end; default its own (2 s for up to 100 tests). */
  waitMs?: number;
  /**
   * Called once with the server's first answer, as soon as the job has an
   * id: before any polling, so a caller can note the job (to release it
   * later) even when the wait for its end times out or a later read fails.
   */
  onStarted?: (status: JobStatus) => void;
}

/** How a job is polled: the first delay (growing to 2 s) and the longest wait. */
export interface JobPolling {
  pollIntervalMs: number;
  jobTimeoutMs: number;
}

/** What {@link runJob} already knows when it starts waiting: the first answer, and how to name the job. */
interface Started {
  status: JobStatus;
  subject: string;
  ref: TestRef | undefined;
}

/**
 * Runs the bundle as one job through `POST /api/v1/jobs` and polls
 * `GET /api/v1/jobs/{id}` until it is no longer running. A job whose tests
 * partly failed is returned (`state: 'failed'`, reasons per test); a job
 * that ended in `error` throws `JOB_FAILED`, one still running at the
 * deadline `JOB_TIMEOUT`.
 */
export async function runJob(
  transport: TransportOptions,
  polling: JobPolling,
  tests: readonly BundleTest[],
  options: RunJobOptions = {},
): Promise<JobStatus> {
  const refs = bundleRefs(tests, options.pool);
  const only = refs.length === 1 ? refs[0] : undefined;
  const subject = `running ${describeBundle(refs)}`;
  const body = {
    tests: refs,
    ...(options.server === undefined ? {} : { server: options.server }),
    ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.waitMs === undefined ? {} : { waitMs: options.waitMs }),
  };
  const first = await send<JobStatus>(transport, {
    method: 'POST',
    path: '/api/v1/jobs',
    body,
    keyInHeader: true,
    subject,
    // The server holds the answer up to waitMs before it sends it.
    timeoutMs: transport.timeoutMs + (options.waitMs ?? 0),
    ...(only === undefined ? {} : { ref: only }),
  });
  checkStatus(transport, first, subject);
  options.onStarted?.(first);
  const status = await waitForJob(transport, polling, first.id, options, {
    status: first,
    subject,
    ref: only,
  });
  if (status.state === 'error') throw jobFailed(transport, status, subject, only);
  return status;
}

/**
 * Polls `GET /api/v1/jobs/{id}` until the job is no longer running, and
 * returns it however it ended (`complete`, `failed` or `error`); throws
 * `JOB_TIMEOUT` when it is still running after `timeoutMs`. Starts from the
 * status {@link runJob} already has, else reads it first.
 */
export async function waitForJob(
  transport: TransportOptions,
  polling: JobPolling,
  id: number,
  options: WaitForJobOptions = {},
  started?: Started,
): Promise<JobStatus> {
  const timeoutMs = options.timeoutMs ?? polling.jobTimeoutMs;
  const first = started?.status ?? (await readJobStatus(transport, id));
  return pollJob(first, {
    intervalMs: polling.pollIntervalMs,
    timeoutMs,
    running: (status) => status.state === 'running',
    read: (status) => readJobStatus(transport, status.id),
    onProgress: options.onProgress,
    timedOut: (status) =>
      new AllotClientError({
        code: 'JOB_TIMEOUT',
        message: redact(
          `job ${status.id}${started === undefined ? '' : ` (${started.subject})`} is still running after ${timeoutMs} ms at ${displayUrl(transport.baseUrl)}: ${status.message}; ` +
            `the server keeps running it (GET /api/v1/jobs/${status.id} shows it): raise timeoutMs to wait longer`,
          transport.apiKey,
        ),
        ...(started?.ref === undefined ? {} : { ref: started.ref }),
      }),
  });
}

/** `GET /api/v1/jobs/{id}`: the job's state, progress and per-test outcome. */
export async function readJobStatus(transport: TransportOptions, id: number): Promise<JobStatus> {
  const subject = `reading job ${id}`;
  const status = await send<JobStatus>(transport, {
    method: 'GET',
    path: `/api/v1/jobs/${encodeURIComponent(String(id))}`,
    keyInHeader: true,
    subject,
  });
  checkStatus(transport, status, subject);
  return status;
}

function checkStatus(transport: TransportOptions, status: JobStatus, subject: string): void {
  const answer = status as Partial<JobStatus> | null;
  if (typeof answer?.id === 'number' && typeof answer.state === 'string') return;
  throw new AllotClientError({
    code: 'BAD_RESPONSE',
    message: `${subject} at ${displayUrl(transport.baseUrl)}: the answer is not a job (no id and state); is this an allot server?`,
  });
}

function jobFailed(
  transport: TransportOptions,
  status: JobStatus,
  subject: string,
  only: TestRef | undefined,
): AllotClientError {
  return new AllotClientError({
    code: 'JOB_FAILED',
    message: redact(
      `job ${status.id} (${subject}) ended in error at ${displayUrl(transport.baseUrl)}: ${status.message}`,
      transport.apiKey,
    ),
    ...(only === undefined ? {} : { ref: only }),
  });
}
