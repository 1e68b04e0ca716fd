import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { executeJob, openMemoryStore, type Store } from '@allot/core';
import { PostgresResolutionDatabase } from './postgres-resolution-database.js';
import { testPostgresUrl, testsOfSuite } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('PostgreSQL resolution server');

/** The application's own database: a schema of its own with a users table. */
describe('PostgreSQL resolution server', () => {
  const schema = `app_${randomBytes(4).toString('hex')}`;
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  let admin: pg.Client;
  let server: PostgresResolutionDatabase;
  let store: Store;

  const spec = testsOfSuite('db');
  const locked = {
    sql: 'SELECT id, email FROM users WHERE status = :status ORDER BY id',
    params: { status: 'locked' },
    key: 'id',
  };
  const tests = [
    spec('locked one', { query: locked }),
    spec('locked two', { query: locked }),
    spec('bad sql', { query: { sql: 'SELECT id FORM users', key: 'id' } }),
    spec('slow', { query: { sql: 'SELECT id FROM users, pg_sleep(2)', key: 'id' } }),
    spec('no key', { query: { sql: 'SELECT email FROM users', key: 'id' } }),
    spec('writes', { query: { sql: "UPDATE users SET status = 'x' RETURNING id", key: 'id' } }),
    spec(
      'new user',
      { query: { ...locked, params: { status: 'brand-new' } } },
      {
        make: {
          insert: 'INSERT INTO users (email, status) VALUES (:email, :status) RETURNING id, email',
          params: {
            email: 'qa+{{run.namespace}}-{{string.alphanumeric(5)}}@example.test',
            status: 'brand-new',
          },
        },
      },
    ),
  ];
  const refs = (names: string[]) => names.map((test) => ({ pool: 'app', suite: 'db', test }));

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
    server = new PostgresResolutionDatabase('appdb', url, { statementTimeoutMs: 300 });
    store = await openMemoryStore();
    await store.putPool('default', {
      name: 'app',
      key: 'id',
      blocks: [{ name: 'unused' }],
      secrets: [],
      tests,
    });
  });

  afterAll(async () => {
    await server?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('gives each test its own row of the query, and other jobs the rest', async () => {
    const first = await executeJob(store, { tests: refs(['locked one', 'locked two']), server });
    expect(first.failed).toBe(0);
    const ids = first.tests.map((t) => t.values[0]?.['id']);
    expect(new Set(ids).size).toBe(2);
    const other = await executeJob(store, { tests: refs(['locked one']), server, refresh: true });
    expect(other.tests[0]?.values[0]?.['id']).not.toBe(undefined);
  });

  it('fails only the tests with bad SQL, a timeout, no key column or a write', async () => {
    const report = await executeJob(store, {
      tests: refs(['bad sql', 'slow', 'no key', 'writes', 'locked one']),
      server,
      refresh: true,
    });
    const reason = (test: string) => report.tests.find((t) => t.test === test)?.reason ?? '';
    expect(reason('bad sql')).toMatch(/the query failed on server "appdb": syntax error/);
    expect(reason('slow')).toMatch(/statement timeout/);
    expect(reason('no key')).toContain('no key column "id" (its columns: email)');
    expect(reason('writes')).toMatch(/read-only transaction/);
    expect(report.tests.find((t) => t.test === 'locked one')?.status).toBe('allocated');
  });

  it('inserts a row through the make, in its own committed transaction', async () => {
    const report = await executeJob(store, {
      tests: refs(['new user']),
      server,
      namespace: 'ci42',
    });
    expect(report).toMatchObject({ made: 1, failed: 0 });
    const email = String(report.tests[0]?.values[0]?.['email']);
    expect(email).toMatch(/^qa\+ci42-\w{5}@example\.test$/);
    const row = await admin.query(`SELECT status FROM ${schema}.users WHERE email = $1`, [email]);
    expect(row.rows).toEqual([{ status: 'brand-new' }]);
  });

  it('runs a teardown statement only on a server registered read-write', async () => {
    const statement = {
      sql: 'DELETE FROM users WHERE email = :email',
      params: { email: 'a@x.test' },
    };
    await expect(server.execute(statement)).rejects.toThrow(/registered read-only/);
    const writable = new PostgresResolutionDatabase('appdb', url, { readWrite: true });
    try {
      await writable.execute(statement);
    } finally {
      await writable.close();
    }
    const left = await admin.query(
      `SELECT count(*)::int AS n FROM ${schema}.users WHERE email = 'a@x.test'`,
    );
    expect(left.rows).toEqual([{ n: 0 }]);
  });
});
