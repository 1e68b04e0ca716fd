import { AllotClientError } from './allot-client-error.js';
import { bundleRefs, describeBundle } from './bundle-refs.js';
import type { JobStatus } from './job-status.js';
import type { BundleTest, TestRef } from './model.js';
import { displayUrl, redact, send, sleep, type TransportOptions } from './transport.js';

/** Options of {@link AllotClient.runJob}: the body of `POST /api/v1/jobs`, and how long to wait. */
export interface RunJobOptions {
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
  /** How long to poll for the end of the job; default the client's `jobTimeoutMs`. */
  timeoutMs?: number;
  /**
   * Called once with the server's first answer, as soon as the job has an
   * id: before any polling, so a caller can note the job (to release it
   * later) even when the wait for its end times out or a later read fails.
   */
  onStarted?: (status: JobStatus) => void;
  /** Called with each status read while the job is still running. */
  onProgress?: (status: JobStatus) => void;
}

/** How a job is polled: the first delay (growing to 2 s) and the longest wait. */
export interface JobPolling {
  pollIntervalMs: number;
  jobTimeoutMs: number;
}

const MAX_POLL_MS = 2000;

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
  let status = await send<JobStatus>(transport, {
    method: 'POST',
    path: '/api/v1/jobs',
    body,
    keyInHeader: true,
    subject,
    // The server holds the answer up to waitMs before it sends it.
    timeoutMs: transport.timeoutMs + (options.waitMs ?? 0),
    ...(only === undefined ? {} : { ref: only }),
  });
  checkStatus(transport, status, subject);
  options.onStarted?.(status);
  const timeoutMs = options.timeoutMs ?? polling.jobTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  let delay = polling.pollIntervalMs;
  while (status.state === 'running') {
    options.onProgress?.(status);
    if (Date.now() + delay > deadline) {
      throw new AllotClientError({
        code: 'JOB_TIMEOUT',
        message: redact(
          `job ${status.id} (${subject}) is still running after ${timeoutMs} ms at ${displayUrl(transport.baseUrl)}: ${status.message}; ` +
            `the server keeps running it (GET /api/v1/jobs/${status.id} shows it): raise timeoutMs to wait longer`,
          transport.apiKey,
        ),
        ...(only === undefined ? {} : { ref: only }),
      });
    }
    await sleep(delay);
    delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5));
    status = await readJobStatus(transport, status.id);
  }
  if (status.state === 'error') throw jobFailed(transport, status, subject, only);
  return status;
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
