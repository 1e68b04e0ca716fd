import type { AllocationTest } from '@allot/core';
import pg from 'pg';

/**
 * The test database (`ALLOT_TEST_POSTGRES_URL`). Without one, the suites that
 * need it are skipped, and the log says which (`what`).
 */
export function testPostgresUrl(what: string): string | undefined {
  const url = process.env['ALLOT_TEST_POSTGRES_URL'];
  if (url === undefined) {
    console.log(`${what} skipped: set ALLOT_TEST_POSTGRES_URL=postgres://… to run it`);
  }
  return url;
}

/** Drops the schemas a suite made, over a connection of its own. */
export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A maker of the allocation tests of one suite: each takes one row, neither
 * consumed nor read-only, unless `extra` says otherwise.
 */
export function testsOfSuite(suite: string) {
  return (
    test: string,
    find: AllocationTest['find'],
    extra: Partial<AllocationTest> = {},
  ): AllocationTest => ({
    suite,
    test,
    find,
    count: 1,
    consume: false,
    readOnly: false,
    ...extra,
  });
}
