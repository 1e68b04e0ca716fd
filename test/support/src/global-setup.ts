import { testChromium } from './chromium.js';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres.js';

/**
 * The workspace's vitest global setup, run once per run before any test file:
 * - without `ALLOT_TEST_POSTGRES_URL`, starts an embedded PostgreSQL and sets
 *   the variable, which every forked worker inherits (vitest builds the
 *   workers' environment after this runs); an explicit URL wins;
 * - unpacks the npm Chromium when Debian's is missing, once, before test files
 *   start Playwright runs in parallel.
 * Returns the teardown, which stops the server and deletes its data.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  let postgres: EmbeddedPostgresServer | undefined;
  let url = process.env['ALLOT_TEST_POSTGRES_URL'];
  if (!url) {
    postgres = await startEmbeddedPostgres();
    url = postgres.url;
    process.env['ALLOT_TEST_POSTGRES_URL'] = url;
  }
  const from = postgres ? 'embedded' : 'ALLOT_TEST_POSTGRES_URL';
  console.log(`PostgreSQL: ${new URL(url).host} (${from})`);
  const browser = await testChromium().catch(async (error: unknown) => {
    await postgres?.stop();
    throw error;
  });
  console.log(`Chromium: ${browser.executablePath} (${browser.source})`);
  return async () => {
    await postgres?.stop();
  };
}
