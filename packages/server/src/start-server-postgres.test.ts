import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from './parse-cli-options.js';
import { startServer } from './start-server.js';
import { testPostgresUrl } from './testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('server on PostgreSQL');

describe('allot-server --store postgres://…', () => {
  const schema = `allot_server_${randomBytes(5).toString('hex')}`;
  const store = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;

  afterAll(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('serves the PostgreSQL store named by ALLOT_STORE, in the schema the URL names, and keeps it across restarts', async () => {
    const parsed = parseCliOptions(['--port', '0', '--log-level', 'silent'], {
      ALLOT_STORE: store,
    });
    if (parsed.help) throw new Error('unexpected --help');
    const quiet = { handleSignals: false, print: () => undefined };
    const first = await startServer({ ...parsed.options, ...quiet });
    expect(await (await fetch(`${first.url}/healthz`)).json()).toMatchObject({ store: 'postgres' });
    expect(first.adminKey).toMatch(/^allot_/);
    await first.close();

    const second = await startServer({ ...parsed.options, ...quiet });
    expect(second.adminKey).toBeNull();
    const whoami = await fetch(`${second.url}/api/v1/whoami`, {
      headers: { authorization: `Bearer ${first.adminKey ?? ''}` },
    });
    expect(whoami.status).toBe(200);
    await second.close();

    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const keys = await client.query(`SELECT count(*)::int AS n FROM "${schema}".api_keys`);
      expect(keys.rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
  });
});
