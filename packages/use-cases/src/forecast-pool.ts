import { AllotError, type FindForecast, type ResolutionDatabase } from '@allot/core';
import { executeBundle, type ExecuteStore } from './execute-bundle.js';

/**
 * A dry run of every test of a pool: per find, demand against free rows,
 * its top-up watermarks and the rows made ahead waiting free. Commits
 * nothing. `NOT_FOUND` when the workspace has no such pool.
 */
export async function forecastPool(
  store: ExecuteStore,
  input: { workspace: string; pool: string; server?: ResolutionDatabase | undefined; now: Date },
): Promise<FindForecast[]> {
  const pool = await store.getPool(input.workspace, input.pool);
  if (pool === undefined) {
    throw new AllotError('NOT_FOUND', `pool "${input.pool}" does not exist`, { field: 'pool' });
  }
  const report = await executeBundle(store, {
    tests: pool.tests.map((test) => ({ pool: pool.name, suite: test.suite, test: test.test })),
    workspace: input.workspace,
    dryRun: true,
    clock: () => input.now,
    ...(input.server === undefined ? {} : { server: input.server }),
  });
  return report.forecast;
}
