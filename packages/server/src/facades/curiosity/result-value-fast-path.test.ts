import { openMemoryStore, type ApiKeyRecord, type Store } from '@allot/core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { contextOf } from '../../app-context.js';
import { parseKey } from '../../auth/api-key.js';
import type { BuildAppOptions } from '../../options.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * `GET …/result/value` over a real port, where its successful reads are
 * answered before fastify routes them: the answers, statuses, limits and
 * logs must be those of the route, and every change to the key or the
 * result must count on the next request.
 */

const enc = encodeURIComponent;
const CUSTOMERS = [
  'id,email,status,country,tier,balance,note',
  'C-1,a@example.test,active,DE,gold,900.00,plain',
  'C-2,b@example.test,active,DE,silver,-12.50,x',
  'C-3,c@example.test,active,DE,gold,1.00,y',
  'C-4,d@example.test,active,DE,gold,2.00,z',
  'C-5,e@example.test,active,DE,gold,3.00,w',
  'C-6,f@example.test,active,DE,gold,4.00,v',
].join('\n');
/** Names that %-encoding, path splitting and query parsing could each get wrong. */
const NAMES = ['pays in Germany', 'a/b c', '100% sure', 'why?#not', 'ünïcode ✓', 'plus+and&eq='];

interface Served {
  t: TestApp;
  url: string;
  /** Requests the fast path has answered so far. */
  answered: () => number;
  valuePath: (key: string, test: string, suite?: string) => string;
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
}

async function serve(options: Partial<BuildAppOptions> = {}, store?: Store): Promise<Served> {
  const t = await createTestApp(options, store);
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/blocks/customers?keyColumn=id',
    headers: { ...t.auth(t.adminKey), 'content-type': 'text/csv' },
    payload: CUSTOMERS,
  });
  expect(upload.statusCode).toBeLessThan(300);
  const pool = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/pools/shop',
    headers: t.auth(t.adminKey),
    payload: {
      pool: 'shop',
      key: 'id',
      blocks: ['customers'],
      tests: NAMES.map((test) => ({
        suite: 'checkout',
        test,
        find: { where: { status: 'active' } },
      })),
    },
  });
  expect(pool.statusCode).toBeLessThan(300);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    t,
    url,
    answered: () => contextOf(t.app).resultValueFastPath.answered,
    valuePath: (key, test, suite = 'checkout') =>
      `/api/apikey/${key}/allocation-pool/shop/suite/${enc(suite)}/allocated-test/${enc(test)}/result/value`,
    get: (path, headers = {}) => fetch(`${url}${path}`, { headers }),
  };
}

async function allocate(s: Served, tests: string[], refresh = false): Promise<void> {
  const job = await s.t.app.inject({
    method: 'POST',
    url: '/api/v1/jobs',
    headers: s.t.auth(s.t.adminKey),
    payload: {
      tests: tests.map((test) => ({ pool: 'shop', suite: 'checkout', test })),
      waitMs: 5000,
      refresh,
    },
  });
  expect((job.json() as { state: string }).state).toBe('complete');
}

const idOf = (key: string) => parseKey(key)!.id;

describe('result/value answered before routing', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
    await allocate(s, NAMES);
  });
  afterAll(() => s.t.close());

  test('answers what fastify answers, byte for byte, for names of every kind', async () => {
    const key = await s.t.keyWithRole('viewer');
    // The first read of a key is checked in full by fastify; later ones are answered early.
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    for (const name of NAMES) {
      const before = s.answered();
      const early = await s.get(s.valuePath(key, name));
      expect(s.answered()).toBe(before + 1);
      // A workspace header (its own workspace) leaves the request to fastify.
      const routed = await s.get(s.valuePath(key, name), { 'x-allot-workspace': s.t.workspace });
      expect(s.answered()).toBe(before + 1);
      expect([early.status, routed.status]).toEqual([200, 200]);
      // Every header fastify sends, and no other: a header added to every route (an onSend hook,
      // a plugin) must be added here too, or this fails. Only the date may differ.
      const headers = (r: Response) =>
        Object.fromEntries([...r.headers].filter(([name]) => name !== 'date'));
      expect(headers(early)).toEqual(headers(routed));
      expect(await early.text()).toBe(await routed.text());
    }
  });

  test('leaves errors to fastify, with its bodies', async () => {
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    const before = s.answered();
    const missing = await s.get(s.valuePath(key, 'no such test'));
    const unknownSuite = await s.get(s.valuePath(key, NAMES[0]!, 'no such suite'));
    const badEscape = await s.get(
      s.valuePath(key, NAMES[0]!).replace('allocated-test/', 'allocated-test/%E0%A4'),
    );
    const wrongKey = await s.get(s.valuePath(`${key}x`, NAMES[0]!));
    const tooLong = await s.get(s.valuePath(key, 'x'.repeat(501)));
    expect(s.answered()).toBe(before);
    expect([missing.status, unknownSuite.status, wrongKey.status, tooLong.status]).toEqual([
      404, 404, 401, 400,
    ]);
    expect(badEscape.status).toBeGreaterThanOrEqual(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/no such test/);
    // A query string goes to fastify, which ignores it on this route.
    const query = await s.get(`${s.valuePath(key, NAMES[0]!)}?x=1`);
    expect(query.status).toBe(200);
    expect(s.answered()).toBe(before);
  });

  test('a revoked key is refused on the very next request', async () => {
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    const before = s.answered();
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    expect(s.answered()).toBe(before + 1);
    const revoked = await s.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/keys/${idOf(key)}`,
      headers: s.t.auth(s.t.adminKey),
    });
    expect(revoked.statusCode).toBe(200);
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(401);
  });

  test('a rotated key is refused at once and its new secret is answered', async () => {
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    const rotated = await s.t.app.inject({
      method: 'POST',
      url: `/api/v1/keys/${idOf(key)}/rotate`,
      headers: s.t.auth(s.t.adminKey),
    });
    const fresh = (rotated.json() as { key: string }).key;
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(401);
    await s.get(s.valuePath(fresh, NAMES[0]!));
    const before = s.answered();
    expect((await s.get(s.valuePath(fresh, NAMES[0]!))).status).toBe(200);
    expect(s.answered()).toBe(before + 1);
  });

  test('a key revoked or changed in the store by another replica counts at once', async () => {
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    const record = (await s.t.store.findApiKey(idOf(key))) as ApiKeyRecord;
    await s.t.store.putApiKey({ ...record, role: 'tester' });
    // A changed grant is checked in full again (by fastify), then answered early.
    let before = s.answered();
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    expect(s.answered()).toBe(before);
    before = s.answered();
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    expect(s.answered()).toBe(before + 1);
    // A store that hands out its own record object: a change made in place counts too.
    ((await s.t.store.findApiKey(idOf(key))) as ApiKeyRecord).revokedAt = new Date().toISOString();
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(401);
  });

  test('a new job is read at once', async () => {
    const key = await s.t.keyWithRole('viewer');
    const email = async () =>
      ((await (await s.get(s.valuePath(key, NAMES[1]!))).json()) as { email: string }).email;
    const first = await email();
    expect(await email()).toBe(first);
    const moved = await s.t.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/customers?keyColumn=id',
      headers: { ...s.t.auth(s.t.adminKey), 'content-type': 'text/csv' },
      payload: CUSTOMERS.replaceAll('@example.test', '@moved.test'),
    });
    expect(moved.statusCode).toBeLessThan(300);
    await allocate(s, [NAMES[1]!], true);
    const before = s.answered();
    expect(await email()).toMatch(/@moved\.test$/);
    expect(s.answered()).toBe(before + 1);
  });

  test('HEAD and other methods are left to fastify', async () => {
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    const before = s.answered();
    const head = await fetch(`${s.url}${s.valuePath(key, NAMES[0]!)}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(s.answered()).toBe(before);
  });
});

describe('result/value answered before routing: limits, logs and closing', () => {
  let s: Served | undefined;
  afterEach(async () => {
    await s?.t.close();
    s = undefined;
  });

  test('counts each request once against the key, whoever answers it', async () => {
    // The admin key's four calls (upload, pool, job, key) stay under the limit.
    s = await serve({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
    await allocate(s, [NAMES[0]!]);
    const key = await s.t.keyWithRole('viewer');
    const statuses = [];
    // fastify (first check), early, fastify (404, counted there only), early, early, over the limit.
    for (const test of [NAMES[0]!, NAMES[0]!, 'no such test', NAMES[0]!, NAMES[0]!, NAMES[0]!]) {
      statuses.push((await s.get(s.valuePath(key, test))).status);
    }
    expect(statuses).toEqual([200, 200, 404, 200, 200, 429]);
    expect(s.answered()).toBe(3);
    const limited = await s.get(s.valuePath(key, NAMES[0]!));
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('logs the requests it answers as fastify does, key redacted, ids never repeated', async () => {
    const lines: Record<string, unknown>[] = [];
    s = await serve({
      logLevel: 'info',
      logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    await allocate(s, [NAMES[0]!]);
    const key = await s.t.keyWithRole('viewer');
    for (let i = 0; i < 3; i++) await s.get(s.valuePath(key, NAMES[0]!));
    expect(s.answered()).toBe(2);
    const requests = lines.filter((line) => line['msg'] === 'incoming request');
    const completed = lines.filter((line) => line['msg'] === 'request completed');
    const reads = requests.filter((line) => JSON.stringify(line).includes('result/value'));
    expect(reads).toHaveLength(3);
    for (const line of reads) {
      expect(line['req']).toEqual({
        method: 'GET',
        url: expect.stringMatching(/^\/api\/apikey\/\[REDACTED\]\/allocation-pool\//),
        remoteAddress: '127.0.0.1',
      });
    }
    const ids = requests.map((line) => line['reqId']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of reads.map((line) => line['reqId'])) {
      const done = completed.find((line) => line['reqId'] === id);
      expect(done).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number) });
    }
    expect(JSON.stringify(lines)).not.toContain(key);
  });

  test('a read that fails before routing is logged, then routed and answered by fastify', async () => {
    const lines: Record<string, unknown>[] = [];
    const inner = await openMemoryStore();
    let failures = 0;
    const store = new Proxy(inner, {
      get(target, property) {
        if (property === 'getResult' && failures > 0) {
          failures--;
          return () => Promise.reject(new Error('store unreachable'));
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    s = await serve(
      {
        logLevel: 'warn',
        logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
      },
      store,
    );
    await allocate(s, [NAMES[0]!]);
    const key = await s.t.keyWithRole('viewer');
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    failures = 1;
    const routed = await s.get(s.valuePath(key, NAMES[0]!));
    expect(routed.status).toBe(200);
    expect(s.answered()).toBe(0);
    const warned = lines.filter((line) => line['level'] === 40);
    expect(warned).toHaveLength(1);
    expect(JSON.stringify(warned[0])).toContain('store unreachable');
  });

  test('a closing server leaves every request to fastify', async () => {
    s = await serve();
    await allocate(s, [NAMES[0]!]);
    const fastPath = contextOf(s.t.app).resultValueFastPath;
    const key = await s.t.keyWithRole('viewer');
    await s.get(s.valuePath(key, NAMES[0]!));
    await s.get(s.valuePath(key, NAMES[0]!));
    expect(s.answered()).toBe(1);
    fastPath.close();
    expect((await s.get(s.valuePath(key, NAMES[0]!))).status).toBe(200);
    expect(s.answered()).toBe(1);
  });
});
