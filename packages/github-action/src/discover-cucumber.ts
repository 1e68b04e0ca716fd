import { relative } from 'node:path';
import { listFeatureTests } from '@allot/cucumber/discovery';
import { expandGlobs } from './expand-globs.js';
import type { RequestedTest } from './requested-test.js';

/**
 * The scenarios of the feature files, one test per Scenario and per Scenario
 * Outline example row, named as `@allot/cucumber` names them at run time;
 * a `@pool:<name>` tag names the pool.
 */
export async function discoverCucumber(
  patterns: readonly string[],
  cwd: string,
): Promise<RequestedTest[]> {
  const files = await expandGlobs('feature-files', patterns, cwd);
  const tests = await listFeatureTests(files);
  return tests.map((t) => ({
    pool: t.pool,
    suite: t.suite,
    test: t.test,
    source: relative(cwd, t.location),
  }));
}
