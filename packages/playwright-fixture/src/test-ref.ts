import {
  AllotClientError,
  isAllotClientError,
  playwrightTestNames,
  type SuiteNaming,
  type TestRef,
} from '@allot/client';

/**
 * The allocation test of a running Playwright test: the configured pool, and
 * the suite and test names {@link playwrightTestNames} derives from its
 * title path (the same names the GitHub Action's discovery allocates).
 */
export function testRefOf(
  titlePath: readonly string[],
  pool: string | undefined,
  naming: SuiteNaming,
): TestRef {
  const { suite, test } = playwrightTestNames(titlePath, naming);
  if (pool === undefined || pool === '') {
    throw new Error(
      `@allot/playwright: no pool for suite ${JSON.stringify(suite)}, test ${JSON.stringify(test)}: set allotPool in use of playwright.config (or test.use({ allotPool: '…' }) in the file)`,
    );
  }
  return { pool, suite, test };
}

/**
 * A lookup's error with the Playwright titles the names came from, so a
 * person can tell a missing pool entry from a naming mismatch.
 */
export function withNamingHint(
  error: unknown,
  titlePath: readonly string[],
  naming: SuiteNaming,
): Error {
  const hint = `(names derived from the Playwright title path ${JSON.stringify(titlePath)} with allotSuite ${JSON.stringify(naming)})`;
  if (!isAllotClientError(error)) return error instanceof Error ? error : new Error(String(error));
  return new AllotClientError({
    code: error.code,
    message: `${error.message} ${hint}`,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.ref === undefined ? {} : { ref: error.ref }),
    cause: error,
  });
}
