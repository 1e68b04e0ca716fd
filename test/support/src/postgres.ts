import { randomBytes } from 'node:crypto';
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

/** Runs `use` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A database created for one suite, beside the test database. */
export interface TemporaryDatabase {
  /** The test database's URL with this database's name. */
  url: URL;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on the test database's server. */
export async function createTemporaryDatabase(
  adminUrl: string,
  prefix: string,
): Promise<TemporaryDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url,
    drop: () =>
      withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
