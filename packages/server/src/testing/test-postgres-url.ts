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
