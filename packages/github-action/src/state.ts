import * as core from '@actions/core';
import { isPostgresUrl } from '@allot/store-postgres';
import type { HeldJob, ReleaseTarget } from './outcome.js';

const KEYS = {
  mode: 'mode',
  target: 'target',
  jobId: 'job-id',
  release: 'release',
  created: 'created',
  expiresAt: 'expires-at',
} as const;
/** Saved instead of a database URL, which may hold a password: the post step reads the input again. */
const STORE_INPUT = 'input:store';

/** What the post step reads back. */
export interface ReleaseState {
  target: ReleaseTarget;
  release: boolean;
  /** False when the job was created by an earlier run: its leases are left to that run. */
  created: boolean;
  expiresAt: string | null;
}

/**
 * Saves what the post step needs to release the job: never a key or a
 * value. Saved again as the main step learns more; the last save wins.
 */
export function saveReleaseState(target: ReleaseTarget, job: HeldJob, release: boolean): void {
  core.saveState(KEYS.mode, target.kind);
  const where =
    target.kind === 'server'
      ? target.url
      : isPostgresUrl(target.store)
        ? STORE_INPUT
        : target.store;
  core.saveState(KEYS.target, where);
  core.saveState(KEYS.jobId, String(target.jobId));
  core.saveState(KEYS.release, String(release));
  core.saveState(KEYS.created, String(job.created));
  core.saveState(KEYS.expiresAt, job.expiresAt ?? '');
}

/** What the main step saved; undefined when it learnt of no job. */
export function readReleaseState(): ReleaseState | undefined {
  const mode = core.getState(KEYS.mode);
  const target = core.getState(KEYS.target);
  const jobId = Number(core.getState(KEYS.jobId));
  if (target === '' || !Number.isSafeInteger(jobId) || core.getState(KEYS.jobId) === '')
    return undefined;
  const release = core.getState(KEYS.release) !== 'false';
  const created = core.getState(KEYS.created) !== 'false';
  const expiresAt = core.getState(KEYS.expiresAt) || null;
  if (mode === 'server')
    return { target: { kind: 'server', url: target, jobId }, release, created, expiresAt };
  if (mode === 'embedded') {
    const store = target === STORE_INPUT ? core.getInput('store').trim() : target;
    return { target: { kind: 'embedded', store, jobId }, release, created, expiresAt };
  }
  return undefined;
}
