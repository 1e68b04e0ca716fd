import * as core from '@actions/core';
import { leftToEarlierRun, releaseJob } from './release-job.js';
import { readReleaseState } from './state.js';

/**
 * The post step (`runs.post`; `post.ts` only calls this, as `index.ts` calls
 * the main step's `run`): releases the leases of the job the main step ran (consumed
 * rows stay consumed), whatever the tests did. A job that is gone, released
 * or expired leaves a warning, not a failure: its rows are free already. A
 * job created by an earlier run (same bundle, live leases) is left to it.
 */
export async function run(): Promise<void> {
  try {
    const state = readReleaseState();
    if (state === undefined) {
      core.info('allot: no job ran in the main step, nothing to release');
      return;
    }
    if (!state.created) {
      const left = leftToEarlierRun(state.target, state.target.jobId, state.expiresAt);
      core.notice(`allot: ${left.message}`);
      return;
    }
    if (!state.release) {
      core.info(
        `allot: release is false, so job ${state.target.jobId} keeps its leases until they expire`,
      );
      return;
    }
    const apiKey = core.getInput('api-key').trim();
    if (apiKey !== '') core.setSecret(apiKey);
    const result = await releaseJob(state.target, apiKey);
    if (result.kind === 'released') core.info(`allot: ${result.message}`);
    else if (result.kind === 'left') core.notice(`allot: ${result.message}`);
    else core.warning(`allot: ${result.message}`);
  } catch (error) {
    core.setFailed(
      `allot: releasing the job failed: ${error instanceof Error ? error.message : String(error)}; ` +
        'its leases end when they expire',
    );
  }
}
