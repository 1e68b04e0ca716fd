import type { AllotClientError } from './allot-client-error.js';
import { sleep } from './transport.js';

/** The longest delay between two polls. */
const MAX_POLL_MS = 2000;

/** How {@link pollJob} reads a job and tells when it has ended. */
export interface PollJob<T> {
  /** The first delay, growing by half each poll up to 2 s. */
  intervalMs: number;
  /** How long to poll before giving up with {@link timedOut}. */
  timeoutMs: number;
  running: (job: T) => boolean;
  /** Reads the job again. */
  read: (job: T) => Promise<T>;
  /** Called with each state read while the job is still running, the first included. */
  onProgress?: (job: T) => void;
  /** The error thrown when the job is still running at the deadline. */
  timedOut: (job: T) => AllotClientError;
}

/**
 * Polls a job from the state already read until it is no longer running,
 * and returns its last state. Shared by the vendor protocol's jobs and the
 * `/api/v1` ones, which differ only in how they are read and named.
 */
export async function pollJob<T>(first: T, poll: PollJob<T>): Promise<T> {
  const deadline = Date.now() + poll.timeoutMs;
  let delay = poll.intervalMs;
  let job = first;
  while (poll.running(job)) {
    poll.onProgress?.(job);
    if (Date.now() + delay > deadline) throw poll.timedOut(job);
    await sleep(delay);
    delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5));
    job = await poll.read(job);
  }
  return job;
}
