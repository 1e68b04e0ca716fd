import * as core from '@actions/core';
import { DEFAULT_WORKSPACE, githubRunNamespace } from '@allot/core';
import { openStore } from '@allot/stores';
import { executeBundle, syncPoolFiles } from '@allot/use-cases';
import { expandGlobs } from './expand-globs.js';
import type { ActionInputs } from './inputs.js';
import { committed, type Outcome, type RememberJob } from './outcome.js';
import { requestedTests } from './requested-tests.js';
import { allTests, selectTests } from './select-tests.js';

/**
 * Runs the job in this process, as `allot run` does: syncs the pool files
 * into the store (importing block files that changed), then allocates the
 * selected tests as one job.
 */
export async function runEmbedded(
  inputs: ActionInputs,
  spec: string,
  remember: RememberJob,
): Promise<Outcome> {
  const cwd = inputs.workingDirectory;
  const files = await expandGlobs('pool-files', inputs.poolFiles, cwd);
  // Discovery runs before the store opens: the embedded store admits one process at a time.
  const requested = await requestedTests(inputs.tests, cwd);
  const store = await openStore(spec);
  try {
    const synced = await syncPoolFiles(store, DEFAULT_WORKSPACE, files);
    for (const { meta } of synced.imported)
      core.info(`imported ${meta.block}@${meta.version} (${meta.rowCount} rows)`);
    const selection =
      requested === undefined
        ? allTests(synced.pools)
        : selectTests(requested, synced.pools, inputs.pool);
    if (selection.bundle.length === 0) return { report: null, missing: selection.missing };
    // One namespace per workflow run attempt, as `allot run` makes.
    const namespace = githubRunNamespace(process.env);
    const report = await executeBundle(store, {
      tests: selection.bundle,
      workspace: DEFAULT_WORKSPACE,
      ...(inputs.ttlSeconds === undefined ? {} : { ttlSeconds: inputs.ttlSeconds }),
      ...(namespace === undefined ? {} : { namespace }),
    });
    const job = committed(report);
    remember({ jobId: job.jobId, created: !job.cached, expiresAt: job.expiresAt });
    return { report: job, missing: selection.missing };
  } finally {
    await store.close();
  }
}
