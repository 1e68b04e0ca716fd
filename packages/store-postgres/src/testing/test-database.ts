import type { AllocationTest } from '@allot/core';
import pg from 'pg';

/**
 * The test database (`ALLOT_TEST_POSTGRES_URL`), which the workspace's vitest
 * global setup always provides: the given URL, or an embedded server it starts.
 * Unset means the tests run outside that config, and a suite that needs the
 * database (`what`) fails rather than passing by skipping.
 */
export function testPostgresUrl(what: string): string {
  const url = process.env['ALLOT_TEST_POSTGRES_URL'];
  if (!url) {
    throw new Error(
      `${what} needs PostgreSQL and ALLOT_TEST_POSTGRES_URL is unset: run vitest with the ` +
        `workspace's config (pnpm test, or npx vitest run <files> at the root), which starts one`,
    );
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
