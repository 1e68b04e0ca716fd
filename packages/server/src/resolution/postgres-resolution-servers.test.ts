import { randomBytes } from 'node:crypto';
import { openMemoryStore } from '@allot/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { startServer, type RunningServer } from '../start-server.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('resolution servers over HTTP');

/**
 * The application's own database is a schema of the test database; the
 * server registers it from configuration and is driven through its HTTP API.
 */
describe('registered PostgreSQL resolution servers', () => {
  const schema = `app_${randomBytes(4).toString('hex')}`;
  const appUrl = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  const logs: string[] = [];
  let admin: pg.Client;
  let server: RunningServer;
  let key: string;
  let otherKey: string;

  const call = async (method: string, path: string, body?: unknown, as = key) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${as}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
  };
  const test = (name: string, find: unknown, extra: Record<string, unknown> = {}) => ({
    suite: 'db',
    test: name,
    find,
    ...extra,
  });
  const locked = {
    query: {
      sql: 'SELECT id, email FROM users WHERE status = :status ORDER BY id',
      params: { status: 'locked' },
      key: 'id',
    },
  };
  const execute = (serverName: string, names: string[]) =>
    call(
      'POST',
      `/api/allocation-pool/app/resolve/server/${serverName}/execute`,
      names.map((allocationTestName) => ({ allocationTestName, suiteName: 'db' })),
    );
  const valueOf = (name: string) =>
    call(
      'GET',
      `/api/allocation-pool/app/suite/db/allocated-test/${encodeURIComponent(name)}/result/value`,
    );

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(
      `CREATE TABLE ${schema}.users (id serial PRIMARY KEY, email text NOT NULL, status text NOT NULL)`,
    );
    await admin.query(
      `INSERT INTO ${schema}.users (email, status) VALUES ('a@x.test', 'active'), ('b@x.test', 'locked'), ('c@x.test', 'locked'), ('d@x.test', 'locked')`,
    );
    const store = await openMemoryStore();
    server = await startServer({
      store,
      port: 0,
      handleSignals: false,
      logLevel: 'debug',
      logStream: { write: (line) => logs.push(line) },
      print: () => undefined,
      env: { APP_DB_URL: appUrl },
      // Suites written for the vendor name their own machine: here they run on appdb.
      defaultServers: [{ name: 'appdb' }],
      resolutionServers: [
        { name: 'appdb', connectionEnv: 'APP_DB_URL', statementTimeoutMs: 300 },
        { name: 'teamdb', workspace: 'other', connectionEnv: 'APP_DB_URL' },
      ],
    });
    key = server.adminKey as string;
    otherKey = (await createWorkspaceWithAdminKey(store, { id: 'other' })).adminKey;
    const created = await call('POST', '/api/v1/pools', {
      pool: 'app',
      key: 'id',
      tests: [
        test('locked one', locked),
        test('locked two', locked),
        test('bad sql', { query: { sql: 'SELECT id FORM users', key: 'id' } }),
        test('slow', { query: { sql: 'SELECT id FROM users, pg_sleep(2)', key: 'id' } }),
        test('no key', { query: { sql: 'SELECT email FROM users', key: 'id' } }),
        test(
          'new user',
          { query: { ...locked.query, params: { status: 'brand-new' } } },
          {
            make: {
              insert:
                'INSERT INTO users (email, status) VALUES (:email, :status) RETURNING id, email',
              params: { email: 'qa+{{run.namespace}}@example.test', status: 'brand-new' },
            },
          },
        ),
      ],
    });
    expect(created.status, created.text).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('lists the servers a workspace sees, without their connection strings', async () => {
    const listed = await call('GET', '/api/v1/servers');
    expect(listed.json['items']).toEqual([
      {
        name: 'appdb',
        kind: 'postgres',
        description: 'PostgreSQL database of the application (connection from $APP_DB_URL)',
        default: true,
      },
      { name: 'local', kind: 'local', description: expect.any(String) as string, default: false },
    ]);
    const other = await call('GET', '/api/v1/servers', undefined, otherKey);
    expect((other.json['items'] as Array<{ name: string }>).map((s) => s.name)).toEqual([
      'appdb',
      'local',
      'teamdb',
    ]);
    for (const text of [listed.text, other.text]) {
      expect(text).not.toContain(appUrl);
      expect(text).not.toContain(new URL(POSTGRES_URL).host);
    }
  });

  it('executes on the registered server: failing tests carry their reasons, the others get rows', async () => {
    const job = await execute('appdb', [
      'locked one',
      'locked two',
      'bad sql',
      'slow',
      'no key',
      'new user',
    ]);
    expect(job.status, job.text).toBe(200);
    expect(job.json['jobState']).toBe('Error');
    const message = String(job.json['progressMessage']);
    expect(message).toMatch(/^3 of 6 test\(s\) failed/);
    expect(message).toMatch(
      /app \/ db \/ bad sql: the query failed on server "appdb": syntax error/,
    );
    expect(message).toMatch(/app \/ db \/ slow: [^;]*statement timeout/);
    expect(message).toContain(
      'app / db / no key: the query\'s result has no key column "id" (its columns: email)',
    );

    const one = await valueOf('locked one');
    const two = await valueOf('locked two');
    const made = await valueOf('new user');
    for (const got of [one, two, made]) expect(got.status, got.text).toBe(200);
    expect(one.json['id']).not.toBe(two.json['id']);
    expect(made.json['email']).toMatch(/^qa\+\w+@example\.test$/);
    const inserted = await admin.query(`SELECT status FROM ${schema}.users WHERE email = $1`, [
      made.json['email'],
    ]);
    expect(inserted.rows).toEqual([{ status: 'brand-new' }]);
    expect((await valueOf('bad sql')).status).toBe(404);
  });

  it('runs /api/v1 jobs on the registered server too', async () => {
    const job = await call('POST', '/api/v1/jobs', {
      server: 'appdb',
      tests: [{ pool: 'app', suite: 'db', test: 'locked one' }],
      refresh: true,
      waitMs: 10_000,
    });
    expect(job.status, job.text).toBe(200);
    expect(job.json).toMatchObject({ state: 'complete', allocated: 1 });
  });

  it("runs an unknown name on the default server, and takes other workspaces' servers for unknown names", async () => {
    const unknown = await execute('DESKTOP-ABC123', ['locked one']);
    expect(unknown.status, unknown.text).toBe(200);
    expect(unknown.json).toMatchObject({ jobState: 'Complete', noPasses: 1 });
    // teamdb belongs to workspace "other": for this workspace it is a name like any unknown one.
    const viaJobs = await call('POST', '/api/v1/jobs', {
      server: 'teamdb',
      tests: [{ pool: 'app', suite: 'db', test: 'locked two' }],
      refresh: true,
      waitMs: 10_000,
    });
    expect(viaJobs.json).toMatchObject({ state: 'complete', server: 'appdb' });
  });

  it('never writes the connection string to the log', () => {
    expect(logs.length).toBeGreaterThan(0);
    const log = logs.join('');
    expect(log).not.toContain(appUrl);
    expect(log).not.toContain(`:${new URL(POSTGRES_URL).password}@`);
  });
});
