import {
  createTemporaryDatabase,
  withClient,
  type TemporaryDatabase,
} from '@allot/test-support/postgres';

/**
 * The application's database for these tests: a `users` table that makes
 * insert into and teardowns delete from, each insert stamped with the
 * database's own clock so that inserts per second can be counted in SQL.
 */
export async function createUsersDatabase(adminUrl: string): Promise<TemporaryDatabase> {
  const database = await createTemporaryDatabase(adminUrl, 'allot_users');
  await withClient(database.url.href, (client) =>
    client.query(`CREATE TABLE users (
      id serial PRIMARY KEY,
      email text NOT NULL UNIQUE,
      status text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`),
  );
  return database;
}

/** Counts users of a status. */
export function countUsers(url: string, status: string): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM users WHERE status = $1',
      [status],
    );
    return result.rows[0]?.n ?? 0;
  });
}

/** Polls `check` until it holds, or fails with what it last saw. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > until)
      throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
