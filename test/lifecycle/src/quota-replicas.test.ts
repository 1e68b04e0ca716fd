import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { childEnv } from '@allot/test-support/child-env';
import { watchOutput } from '@allot/test-support/child-output';
import { testPostgresUrl, withClient, type TemporaryDatabase } from '@allot/test-support/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersDatabase, waitFor } from './users-database.js';

const ADMIN_URL = testPostgresUrl('quota replica tests');
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/main.js', import.meta.url));

const SUITES = 9;
const ROWS = 3;
const QUOTA = 5;

interface Replica {
  url: string;
  stdout(): string;
  stop(): Promise<number | null>;
}

/** `allot serve` on the shared store, with the application's database as a quota-limited resolution server. */
async function startReplica(store: string, servers: string): Promise<Replica> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--store', store, '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv({ ALLOT_RESOLUTION_SERVERS: servers }) },
  );
  const output = watchOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = await output.waitFor('stderr', /serving on (http:\/\/\S+)/, 60_000);
  return {
    url: listening[1] as string,
    stdout: () => output.text('stdout'),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Suite s<n>: one test that signs up three users of its own status, so no job finds another's. */
function poolBody() {
  const tests = Array.from({ length: SUITES }, (_, n) => ({
    suite: `s${n}`,
    test: 'signs up',
    count: ROWS,
    find: {
      query: {
        sql: 'SELECT id, email, status FROM users WHERE status = :status',
        params: { status: `s${n}` },
        key: 'id',
      },
    },
    make: {
      insert:
        'INSERT INTO users (email, status) VALUES (:email, :status) RETURNING id, email, status',
      params: {
        email: 'q-{{run.namespace}}-{{string.alphanumeric(10)}}@example.test',
        status: { const: `s${n}` },
      },
    },
  }));
  return { pool: 'signups', key: 'id', tests };
}

describe(`a quota of ${QUOTA} makes per second across three allot serve replicas`, () => {
  const schema = `allot_quota_${randomBytes(5).toString('hex')}`;
  const store = `${ADMIN_URL}${ADMIN_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  let users: TemporaryDatabase;
  let replicas: Replica[] = [];
  let key = '';

  const call = async (replica: Replica, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${replica.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  beforeAll(async () => {
    users = await createUsersDatabase(ADMIN_URL);
    const servers = JSON.stringify([
      {
        name: 'app',
        connection: users.url.href,
        readWrite: true,
        quota: { makes: QUOTA, perSeconds: 1, waitSeconds: 60 },
      },
    ]);
    // All three start at once; the one that created the store printed its admin key.
    replicas = await Promise.all([0, 1, 2].map(() => startReplica(store, servers)));
    await waitFor(
      'the admin key',
      async () => replicas.map((replica) => /allot_\S+/.exec(replica.stdout())?.[0]).find(Boolean),
      (found) => found !== undefined,
      10_000,
    ).then((found) => (key = found ?? ''));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await withClient(ADMIN_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    ).catch(() => undefined);
    await users?.drop();
  });

  it('never inserts more than the quota in any second, and jobs say they wait', async () => {
    const [first] = replicas as [Replica];
    await call(first, 'POST', '/api/v1/pools', poolBody());
    const messages: string[] = [];
    const jobs = await Promise.all(
      Array.from({ length: SUITES }, async (_, n) => {
        const replica = replicas[n % 3] as Replica;
        let job = await call(replica, 'POST', '/api/v1/jobs', {
          tests: [{ pool: 'signups', suite: `s${n}`, test: 'signs up' }],
          server: 'app',
          waitMs: 0,
        });
        while (job['state'] === 'running') {
          messages.push(String(job['message']));
          await new Promise((resolve) => setTimeout(resolve, 100));
          job = await call(replica, 'GET', `/api/v1/jobs/${String(job['id'])}`);
        }
        return job;
      }),
    );
    for (const job of jobs) expect(job['state'], JSON.stringify(job)).toBe('complete');
    expect(jobs.map((job) => job['made'])).toEqual(Array(SUITES).fill(1));

    const perSecond = await withClient(users.url.href, async (client) => {
      const result = await client.query<{ second: string; n: number }>(
        `SELECT date_trunc('second', created_at)::text AS second, count(*)::int AS n
           FROM users GROUP BY 1 ORDER BY 1`,
      );
      return result.rows;
    });
    expect(perSecond.reduce((sum, row) => sum + row.n, 0)).toBe(SUITES * ROWS);
    expect(
      Math.max(...perSecond.map((row) => row.n)),
      JSON.stringify(perSecond),
    ).toBeLessThanOrEqual(QUOTA);
    // 27 makes at 5 a second cannot take less than five windows.
    expect(perSecond.length).toBeGreaterThanOrEqual(Math.ceil((SUITES * ROWS) / QUOTA) - 1);
    expect(messages.some((message) => message.includes('waiting for the quota'))).toBe(true);
  });
});
