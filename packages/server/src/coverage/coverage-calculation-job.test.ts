import { randomBytes } from 'node:crypto';
import { openMemoryStore, openMemoryWorkQueue, type Store, type WorkQueue } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import { openPostgresWorkQueue } from '@allot/store-postgres/work-queue';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const schemas: string[] = [];

/** The in-process queue, and PostgreSQL's (pg-boss), each with its store. */
const BACKENDS: Array<[string, () => Promise<{ store: Store; queue: WorkQueue }>]> = [
  ['memory', async () => ({ store: await openMemoryStore(), queue: await openMemoryWorkQueue() })],
  [
    'postgres',
    async () => {
      const url = testPostgresUrl('coverage calculations on PostgreSQL');
      const schema = `allot_cov_calc_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      const store = await openPostgresStore(url, { schema, poolSize: 4 });
      return { store, queue: await openPostgresWorkQueue(url, { schema }) };
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({
    connectionString: testPostgresUrl('coverage calculations on PostgreSQL'),
  });
  await client.connect();
  try {
    for (const schema of schemas) {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
    }
  } finally {
    await client.end();
  }
});

/**
 * 20 attributes of 10 values (10^20 combinations, 19,000 pairs): the greedy rows alone take
 * a fraction of a second of CPU, and each move of the search asked for adds to it.
 */
const BIG = Array.from({ length: 20 }, (_, a) => ({
  name: `a${a}`,
  type: 'VALUE',
  values: Array.from({ length: 10 }, (_, v) => `v${v}`),
}));

describe.each(BACKENDS)('coverage calculations in the work queue (%s)', (_name, open) => {
  let t: TestApp;
  let tester: string;
  let base: string;
  let setUrl: string;
  let firstAttribute: string | undefined;

  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
    key = tester,
  ) {
    const response = await t.app.inject({
      method,
      url,
      headers: t.auth(key),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body === '' ? null : response.json() };
  }

  beforeEach(async () => {
    firstAttribute = undefined;
    const { store, queue } = await open();
    t = await createTestApp({ closeStore: true, queue, closeQueue: true }, store);
    tester = await t.keyWithRole('tester');
    const project = await call('POST', '/api/v1/projects', { name: 'big' }, t.adminKey);
    base = `/api/v1/projects/${project.body.id}`;
    for (const attribute of BIG) {
      const made = await call('POST', `${base}/attributes`, attribute);
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      firstAttribute ??= `${base}/attributes/${made.body.id}`;
    }
    const set = await call('POST', `${base}/coverage-sets`, {
      name: 'big_coverage',
      determiningAttributes: BIG.map((a) => ({ name: a.name, version: '1.0' })),
    });
    setUrl = `${base}/coverage-sets/${set.body.id}`;
  });
  afterEach(() => t.close());

  test('a big model answers 202 with the queued job, the server keeps answering while it runs, and the job ends with its calculation', async () => {
    // 120,000 moves of the search: about a second of CPU, long enough for several polls to
    // answer while it runs, which none could if it ran on the server's thread.
    const queued = await call('POST', `${setUrl}/calculate`, { effort: 120_000, waitMs: 0 });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'coverage-calculation' });
    const jobUrl = `/api/v1/queue/${queued.body.id}`;

    // The search runs in a worker thread: requests meanwhile answer at once. On the
    // server's own thread, none would answer until the whole search ended.
    let answeredWhileRunning = 0;
    let slowest = 0;
    let job = (await call('GET', jobUrl)).body;
    while (job.state === 'queued' || job.state === 'running') {
      const started = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      if (job.state === 'running') answeredWhileRunning++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await call('GET', jobUrl)).body;
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(slowest).toBeLessThan(1000);
    expect(answeredWhileRunning).toBeGreaterThan(3);
    expect(job).toMatchObject({
      state: 'completed',
      result: { calculation: '1.0' },
      progress: { done: 2, total: 2 },
    });
    const coverage = await call('GET', `${setUrl}/coverage`);
    expect(coverage.body.report).toMatchObject({ tuplesRequired: 19_000, tuplesCovered: 19_000 });
  }, 60_000);

  test('a small model answers 201 in the request as before, and an input error 400 as before', async () => {
    // Three of the attributes: 300 pairs, done in milliseconds. The request waits up to 30 s
    // for the job rather than the server's 5 s, which a loaded machine can take just to start
    // the worker thread.
    const small = await call('POST', `${base}/coverage-sets`, {
      name: 'small_coverage',
      determiningAttributes: BIG.slice(0, 3).map((a) => ({ name: a.name, version: '1.0' })),
    });
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    const smallUrl = `${base}/coverage-sets/${small.body.id}`;
    const done = await call('POST', `${smallUrl}/calculate`, { waitMs: 30_000 });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.report).toMatchObject({ tuplesRequired: 300, tuplesCovered: 300 });
    // An attribute deleted since: the queued calculation fails, the request answers as inline.
    expect((await call('DELETE', firstAttribute!, undefined, t.adminKey)).status).toBe(204);
    const failed = await call('POST', `${smallUrl}/calculate`, { waitMs: 30_000 });
    expect(failed.status, JSON.stringify(failed.body)).toBe(400);
    expect(failed.body.message).toMatch(/a0/);
  }, 60_000);
});
