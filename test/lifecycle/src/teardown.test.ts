import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import {
  buildApp,
  createWorkspaceWithAdminKey,
  openResolutionServers,
  type AllotApp,
  type ResolutionServer,
} from '@allot/server';
import type { Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import { testPostgresUrl, withClient, type TemporaryDatabase } from '@allot/test-support/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsers, createUsersDatabase, waitFor } from './users-database.js';

const ADMIN_URL = testPostgresUrl('lifecycle tests');
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/main.js', import.meta.url));
const TOKEN = `token-${randomBytes(6).toString('hex')}`;

interface MadeRowView {
  key: string;
  state: string;
  attempts: number;
  lastError: string | null;
  origin: string;
  teardown: unknown;
}

/** The application's HTTP API the flaky teardown calls: fails while `broken`, or the first `flaky` calls of a path. */
class AppApi {
  readonly calls: Array<{ path: string; authorization: string | undefined }> = [];
  broken = false;
  flaky = 0;
  readonly #server: Server;
  readonly #seen = new Map<string, number>();

  constructor() {
    this.#server = createServer((request, response) => {
      const path = request.url ?? '';
      this.calls.push({ path, authorization: request.headers.authorization });
      const seen = (this.#seen.get(path) ?? 0) + 1;
      this.#seen.set(path, seen);
      response.statusCode = this.broken || seen <= this.flaky ? 503 : 204;
      response.end();
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

function poolYaml(api: string): string {
  const find = (status: string) =>
    `{ query: { sql: "SELECT id, email, status FROM users WHERE status = '${status}'", key: id } }`;
  const insert = (status: string) =>
    `"INSERT INTO users (email, status) VALUES (:email, '${status}') RETURNING id, email, status"`;
  const email = '{ email: "u-{{run.namespace}}-{{string.alphanumeric(10)}}@example.test" }';
  return `pool: users
key: id
tests:
  - suite: signup
    test: new user
    count: 2
    find: ${find('new')}
    make:
      insert: ${insert('new')}
      params: ${email}
      teardown: { sql: "DELETE FROM users WHERE id = :id" }
  - suite: signup
    test: kept user
    find: ${find('kept')}
    make:
      insert: ${insert('kept')}
      params: ${email}
      teardown: { sql: "DELETE FROM users WHERE id = :id" }
      keep: true
  - suite: signup
    test: user behind an API
    find: ${find('api')}
    make:
      insert: ${insert('api')}
      params: ${email}
      teardown:
        http: { method: DELETE, url: "${api}/users/{{row.id}}", headers: { Authorization: APP_TOKEN } }
  - suite: orders
    test: takes stock
    consume: true
    find: ${find('stock')}
    make:
      insert: ${insert('stock')}
      params: ${email}
    topUp: { low: 2, high: 4, server: app }
`;
}

describe('made rows on a resolution server: teardown and top-up', () => {
  const schema = `allot_life_${randomBytes(5).toString('hex')}`;
  const storeUrl = `${ADMIN_URL}${ADMIN_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const api = new AppApi();
  let users: TemporaryDatabase;
  let store: Store;
  let servers: ResolutionServer[] = [];
  let app: AllotApp;
  let url = '';
  let key = '';
  let now = Date.parse('2026-03-01T10:00:00Z');

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
  };
  const execute = async (test: string, suite = 'signup', ttlSeconds = 3600) => {
    const job = await call('POST', '/api/v1/jobs', {
      tests: [{ pool: 'users', suite, test }],
      server: 'app',
      ttlSeconds,
      waitMs: 30_000,
    });
    expect(job?.['state'], JSON.stringify(job)).toBe('complete');
    return job?.['id'] as number;
  };
  const madeRows = async (query: string) =>
    ((await call('GET', `/api/v1/made-rows?${query}`))?.['items'] ?? []) as MadeRowView[];

  beforeAll(async () => {
    users = await createUsersDatabase(ADMIN_URL);
    const apiUrl = await api.listen();
    store = await openPostgresStore(storeUrl);
    key = (await createWorkspaceWithAdminKey(store, { id: 'default' })).adminKey;
    servers = openResolutionServers([{ name: 'app', connection: users.url.href, readWrite: true }]);
    app = await buildApp({
      store,
      servers,
      logLevel: 'silent',
      rateLimit: false,
      clock: () => new Date(now),
      lifecycle: {
        sweepMs: 100,
        teardownRetry: { maxAttempts: 3, retryDelayMs: 100 },
        topUpEveryMs: 200,
        env: { APP_TOKEN: TOKEN },
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const upload = await fetch(`${url}/api/v1/pools/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/yaml' },
      body: poolYaml(apiUrl),
    });
    expect(upload.status, await upload.text()).toBeLessThan(300);
  });

  afterAll(async () => {
    await app?.close();
    for (const server of servers) await server.close?.();
    await store?.close();
    await api.close();
    await withClient(ADMIN_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    ).catch(() => undefined);
    await users?.drop();
  });

  it('inserts made rows and deletes them once the job is released, once each', async () => {
    const job = await execute('new user');
    expect(await countUsers(users.url.href, 'new')).toBe(2);
    // Held rows stay while the job holds them.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await countUsers(users.url.href, 'new')).toBe(2);

    await call('POST', `/api/v1/jobs/${job}/release`);
    await waitFor(
      'users left after release',
      () => countUsers(users.url.href, 'new'),
      (n) => n === 0,
    );
    const done = await waitFor(
      'torn-down rows',
      () => madeRows('pool=users&state=done'),
      (rows) => rows.length === 2,
    );
    expect(done.map((row) => row.attempts)).toEqual([1, 1]);
    // Released again: nothing is torn down twice.
    await call('POST', `/api/v1/jobs/${job}/release`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await madeRows('pool=users&state=done')).map((row) => row.attempts)).toEqual([1, 1]);
  });

  it('deletes made rows when their job lapses (TTL), and keeps rows made with keep: true', async () => {
    await execute('new user', 'signup', 60);
    await execute('kept user', 'signup', 60);
    expect(await countUsers(users.url.href, 'new')).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await countUsers(users.url.href, 'new')).toBe(2);

    now += 61_000;
    await waitFor(
      'users left after expiry',
      () => countUsers(users.url.href, 'new'),
      (n) => n === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await countUsers(users.url.href, 'kept')).toBe(1);
  });

  it('retries a failing teardown with backoff, then lists it as failed; the header value never shows', async () => {
    api.flaky = 2;
    const recovered = await execute('user behind an API');
    await call('POST', `/api/v1/jobs/${recovered}/release`);
    const [row] = await waitFor(
      'the flaky teardown',
      () => madeRows('pool=users&state=done'),
      (rows) => rows.some((r) => r.attempts === 3),
    ).then((rows) => rows.filter((r) => r.attempts === 3));
    expect(api.calls.filter((c) => c.path === `/users/${row?.key}`)).toHaveLength(3);
    expect(api.calls.every((c) => c.authorization === TOKEN)).toBe(true);

    api.broken = true;
    const failing = await execute('user behind an API');
    await call('POST', `/api/v1/jobs/${failing}/release`);
    const failed = await waitFor(
      'the failed teardown',
      () => madeRows('state=failed'),
      (rows) => rows.length === 1 && rows[0]?.attempts === 3,
    );
    expect(failed[0]?.lastError).toMatch(/answered 503/);
    // Left to the queue no more: it stays failed and listed.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await madeRows('state=failed'))[0]?.attempts).toBe(3);
    const listing = JSON.stringify(await call('GET', '/api/v1/made-rows'));
    expect(listing).not.toContain(TOKEN);

    const cli = await runCli(['jobs', '--teardown-failed', '--store', storeUrl]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`@app ${failed[0]?.key}`);
    expect(cli.stdout).toContain('answered 503');
    expect(cli.stdout).not.toContain(TOKEN);
  });

  it('keeps the free rows of a find between its watermarks while jobs consume them', async () => {
    const forecast = async () => {
      const body = await call('GET', '/api/v1/pools/users/forecast?server=app');
      const finds = body?.['finds'] as Array<Record<string, unknown>>;
      return finds.find((f) => String(f['find']).includes("'stock'")) as Record<string, unknown>;
    };
    // Every job of the pool so far queued a top-up: the stock was made ahead of any demand.
    await call('POST', '/api/v1/pools/users/top-up');
    await waitFor('the first top-up', forecast, (f) => f['free'] === 4);
    expect(await forecast()).toMatchObject({ topUp: { low: 2, high: 4 }, madeAhead: 4 });
    expect(await countUsers(users.url.href, 'stock')).toBe(4);

    const seen: number[] = [];
    for (let run = 0; run < 6; run++) {
      const job = await execute('takes stock', 'orders');
      await call('POST', `/api/v1/jobs/${job}/release`);
      // Each job queues a top-up; wait for the queue to settle before reading the free count.
      for (const state of ['queued', 'running']) {
        await waitFor(
          `${state} top-ups`,
          () => call('GET', `/api/v1/queue?kind=top-up&state=${state}`),
          (page) => (page?.['items'] as unknown[]).length === 0,
        );
      }
      seen.push((await forecast())['free'] as number);
    }
    expect(
      seen.every((free) => free >= 2 && free <= 4),
      String(seen),
    ).toBe(true);
    // Six consumed from the four made first: refills made the rest, ahead of the jobs.
    expect(await countUsers(users.url.href, 'stock')).toBe(6 + seen.at(-1)!);
    const jobs = (await call('GET', '/api/v1/jobs?limit=6'))?.['items'] as Array<{ made: number }>;
    expect(jobs.map((job) => job.made)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
