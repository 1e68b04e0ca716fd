import type { TestRef } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { describeTest, type BundleTest } from './model.js';

/** The bundle's tests with their pools filled in; throws naming the first test that has none. */
export function bundleRefs(tests: readonly BundleTest[], pool: string | undefined): TestRef[] {
  if (tests.length === 0)
    throw new AllotClientError({ code: 'INVALID_INPUT', message: 'a job needs at least one test' });
  return tests.map((t, index) => {
    const name = t.pool ?? pool;
    if (name === undefined || name === '') {
      throw new AllotClientError({
        code: 'INVALID_INPUT',
        message: `test ${index} (suite ${JSON.stringify(t.suite)}, test ${JSON.stringify(t.test)}) names no pool, and no default pool was given`,
      });
    }
    return { pool: name, suite: t.suite, test: t.test };
  });
}

/** How messages name a bundle: the one test, or the count and the pools. */
export function describeBundle(refs: readonly TestRef[]): string {
  const [only] = refs;
  if (refs.length === 1 && only !== undefined) return describeTest(only);
  const pools = [...new Set(refs.map((r) => JSON.stringify(r.pool)))];
  return `${refs.length} tests of pool${pools.length === 1 ? '' : 's'} ${pools.join(', ')}`;
}
