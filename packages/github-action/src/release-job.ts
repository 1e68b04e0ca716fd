import * as core from '@actions/core';
import { AllotClient, isAllotClientError } from '@allot/client';
import { DEFAULT_WORKSPACE, type ReleaseOutcome } from '@allot/core';
import { isPostgresUrl } from '@allot/store-postgres';
import { openStore } from '@allot/stores';
import { readJob, releaseJob as releaseStoredJob } from '@allot/use-cases';
import type { ReleaseTarget } from './outcome.js';

/**
 * What the post step did: released the leases, found nothing left to
 * release, or left them to the earlier run whose job answered this one.
 */
export interface ReleaseResult {
  kind: 'released' | 'nothing' | 'left';
  message: string;
}

interface JobView {
  releasedAt: string | null;
  expiresAt: string | null;
}

/** How long the post step waits for a job the main step left running on the server. */
const RUNNING_WAIT_MS = 60_000;

/**
 * The job answered this run but belongs to an earlier one: its post step
 * releases it. Says which job holds the rows and how to release them sooner.
 */
export function leftToEarlierRun(
  target: ReleaseTarget,
  jobId: number,
  expiresAt: string | null,
): ReleaseResult {
  const end = expiresAt === null ? 'when they expire' : `at ${expiresAt}`;
  return {
    kind: 'left',
    message:
      `job ${jobId} was created by an earlier run; its leases are left to it (they end ${end}). ` +
      `To release them now: ${howToRelease(target, jobId)}`,
  };
}

/** The command or request that releases a job where the action ran it; never a secret. */
function howToRelease(target: ReleaseTarget, jobId: number): string {
  if (target.kind === 'server')
    return `POST ${target.url.replace(/\/+$/, '')}/api/v1/jobs/${jobId}/release with a tester key (Authorization: Bearer …)`;
  // A database URL may hold a password: name the variable, not the URL.
  if (isPostgresUrl(target.store))
    return `ALLOT_STORE=<the store input's URL> allot release ${jobId}`;
  return `allot release ${jobId} --data-dir ${JSON.stringify(target.store)}`;
}

/** Ends the leases of the job, on the server or in the embedded store. */
export async function releaseJob(target: ReleaseTarget, apiKey: string): Promise<ReleaseResult> {
  return target.kind === 'server'
    ? releaseOnServer(target, apiKey)
    : releaseInStore(target.store, target.jobId);
}

async function releaseOnServer(
  target: ReleaseTarget & { kind: 'server' },
  apiKey: string,
): Promise<ReleaseResult> {
  const { url, jobId } = target;
  if (apiKey === '')
    throw new Error('input api-key is empty in the post step: the server needs it to release');
  const client = new AllotClient({ baseUrl: url, apiKey, log: (line) => core.info(line) });
  let job;
  try {
    // The main step may have stopped before the job ended (a timeout): wait a little for it.
    job = await client.waitForJob(jobId, { timeoutMs: RUNNING_WAIT_MS });
  } catch (error) {
    if (isAllotClientError(error) && error.code === 'NOT_FOUND') return gone(jobId, url);
    if (isAllotClientError(error) && error.code === 'JOB_TIMEOUT')
      return {
        kind: 'nothing',
        message: `job ${jobId} is still running on the server; its leases end when they expire`,
      };
    throw error;
  }
  // Releasing this id would release the earlier job that answered it.
  if (job.answeredBy !== null && job.answeredBy !== jobId)
    return leftToEarlierRun(target, job.answeredBy, job.expiresAt);
  const ended = alreadyEnded(job, jobId);
  if (ended !== undefined) return ended;
  const outcome = await client.releaseJob(jobId);
  return released(jobId, outcome);
}

async function releaseInStore(spec: string, jobId: number): Promise<ReleaseResult> {
  const store = await openStore(spec);
  try {
    const job = await readJob(store, DEFAULT_WORKSPACE, jobId);
    if (job === undefined) return gone(jobId, spec);
    const ended = alreadyEnded(job, jobId);
    if (ended !== undefined) return ended;
    const release = await releaseStoredJob(store, DEFAULT_WORKSPACE, jobId, new Date());
    if (release.kind !== 'released')
      return { kind: 'nothing', message: `job ${jobId} has not finished: nothing to release` };
    return released(release.jobId, release.outcome);
  } finally {
    await store.close();
  }
}

function alreadyEnded(job: JobView, jobId: number): ReleaseResult | undefined {
  if (job.releasedAt !== null)
    return { kind: 'nothing', message: `job ${jobId} was already released at ${job.releasedAt}` };
  if (job.expiresAt !== null && Date.parse(job.expiresAt) <= Date.now())
    return {
      kind: 'nothing',
      message: `job ${jobId}'s leases already expired at ${job.expiresAt}`,
    };
  return undefined;
}

function gone(jobId: number, where: string): ReleaseResult {
  return {
    kind: 'nothing',
    message: `job ${jobId} does not exist in ${where}: nothing to release`,
  };
}

function released(jobId: number, outcome: ReleaseOutcome): ReleaseResult {
  const consumed =
    outcome.consumed === 0 ? '' : `; ${outcome.consumed} consumed rows stay out of the pool`;
  return {
    kind: 'released',
    message: `released job ${jobId}: ${outcome.released} rows back in the pool${consumed}`,
  };
}
