import * as core from '@actions/core';
import { isPostgresUrl } from '@allot/store-postgres';
import type { ReleaseTarget } from './outcome.js';

const KEYS = { mode: 'mode', target: 'target', jobId: 'job-id', release: 'release' } as const;
/** Saved instead of a database URL, which may hold a password: the post step reads the input again. */
const STORE_INPUT = 'input:store';

/** Saves what the post step needs to release the job: never a key or a value. */
export function saveReleaseState(target: ReleaseTarget, release: boolean): void {
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
}

/** What the main step saved; undefined when it committed no job. */
export function readReleaseState(): { target: ReleaseTarget; release: boolean } | undefined {
  const mode = core.getState(KEYS.mode);
  const target = core.getState(KEYS.target);
  const jobId = Number(core.getState(KEYS.jobId));
  if (target === '' || !Number.isSafeInteger(jobId) || core.getState(KEYS.jobId) === '')
    return undefined;
  const release = core.getState(KEYS.release) !== 'false';
  if (mode === 'server') return { target: { kind: 'server', url: target, jobId }, release };
  if (mode === 'embedded') {
    const store = target === STORE_INPUT ? core.getInput('store').trim() : target;
    return { target: { kind: 'embedded', store, jobId }, release };
  }
  return undefined;
}
