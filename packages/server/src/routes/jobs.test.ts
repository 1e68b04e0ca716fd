import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { contextOf } from '../app-context.js';

describe('jobs, results and releases', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());
  const req = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: t.auth(t.adminKey),
      ...(payload === undefined ? {} : { payload }),
    });
  const ref = (suite: string, test: string) => ({ pool: 'shop', suite, test });

  test('a small job answers synchronously with its outcome', async () => {
    const response = await req('POST', '/api/v1/jobs', {
      tests: [ref('checkout', 'pays in Germany'), ref('account', 'nobody matches')],
    });
    expect(response.statusCode).toBe(200);
    const job = response.json();
    expect(job).toMatchObject({ state: 'failed', allocated: 1, failed: 1, progress: null });
    expect(job.tests[1]).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('status = deleted') as string,
    });
    expect((await req('GET', `/api/v1/jobs/${String(job.id)}`)).json()).toEqual(job);
  });

  test('waitMs 0 answers 202 at once with the id; status shows the outcome later', async () => {
    const response = await req('POST', '/api/v1/jobs', {
      tests: [ref('account', 'locked user')],
      waitMs: 0,
    });
    expect([200, 202]).toContain(response.statusCode);
    const { id } = response.json() as { id: number };
    if (response.statusCode === 202) expect(response.headers.location).toBe(`/api/v1/jobs/${id}`);
    await contextOf(t.app).runner.drain();
    expect((await req('GET', `/api/v1/jobs/${id}`)).json()).toMatchObject({
      id,
      state: 'complete',
      allocated: 1,
    });
  });

  test('a bundle answered by an earlier live job reports that job', async () => {
    const first = (
      await req('POST', '/api/v1/jobs', { tests: [ref('account', 'locked user')] })
    ).json() as { id: number };
    const again = (
      await req('POST', '/api/v1/jobs', { tests: [ref('account', 'locked user')] })
    ).json() as { id: number; answeredBy: number };
    expect(again.id).not.toBe(first.id);
    expect(again.answeredBy).toBe(first.id);
    const vendor = await t.app.inject({
      method: 'POST',
      url: `/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/local/execute`,
      payload: [{ allocationTestName: 'locked user', suiteName: 'account' }],
    });
    expect(vendor.json()).toMatchObject({ id: first.id, jobState: 'Complete' });
    expect((await req('GET', `/api/v1/jobs/${again.id}`)).json()).toMatchObject({
      answeredBy: first.id,
    });
  });

  test('list jobs with pagination links, list results, release a test and a job', async () => {
    const job = (
      await req('POST', '/api/v1/jobs', {
        tests: [ref('checkout', 'pays in Germany'), ref('checkout', 'gold & rich / 100%')],
      })
    ).json() as { id: number };
    await req('POST', '/api/v1/jobs', { tests: [ref('account', 'locked user')] });
    const page = (await req('GET', '/api/v1/jobs?limit=1')).json();
    expect(page).toMatchObject({
      items: [{ state: 'complete', tests: 1 }],
      links: { next: '/api/v1/jobs?limit=1&offset=1', prev: null },
    });
    expect((await req('GET', page.links.next as string)).json()).toMatchObject({
      items: [{ id: job.id }],
      links: { next: null },
    });

    const results = (await req('GET', '/api/v1/pools/shop/results')).json();
    expect(results.items.map((r: { test: string }) => r.test)).toEqual([
      'locked user',
      'gold & rich / 100%',
      'pays in Germany',
    ]);
    const suite = (await req('GET', '/api/v1/pools/shop/suites/checkout/results?limit=1')).json();
    expect(suite).toMatchObject({ total: 2, items: [{ suite: 'checkout' }] });
    const one = (
      await req('GET', '/api/v1/pools/shop/suites/checkout/tests/pays%20in%20Germany/result')
    ).json();
    expect(one).toMatchObject({
      jobId: job.id,
      columns: ['id', 'email', 'country'],
      rows: [{ country: 'DE' }],
    });
    expect(
      (await req('GET', '/api/v1/pools/shop/suites/checkout/tests/nope/result')).statusCode,
    ).toBe(404);
    expect((await req('GET', '/api/v1/pools/nope/results')).statusCode).toBe(404);

    const test = await req(
      'POST',
      '/api/v1/pools/shop/suites/checkout/tests/pays%20in%20Germany/release',
    );
    expect(test.json()).toEqual({ released: 1, consumed: 0 });
    const released = await req('POST', `/api/v1/jobs/${job.id}/release`);
    expect(released.json()).toMatchObject({ released: expect.any(Number) as number });
    expect((await req('GET', `/api/v1/jobs/${job.id}`)).json().releasedAt).not.toBeNull();
    expect((await req('POST', '/api/v1/jobs/424242/release')).statusCode).toBe(404);
    expect((await req('POST', '/api/v1/pools/shop/suites/x/tests/y/release')).statusCode).toBe(404);
  });

  test('bad job bodies are 400s naming the field', async () => {
    expect((await req('POST', '/api/v1/jobs', { tests: [] })).json()).toMatchObject({
      status: 400,
      field: 'body.tests',
    });
    expect(
      (await req('POST', '/api/v1/jobs', { tests: [{ pool: 'shop', suite: 's' }] })).json(),
    ).toMatchObject({ field: 'body.tests[0].test' });
    expect(
      (await req('POST', '/api/v1/jobs', { tests: [ref('a', 'b')], ttlSeconds: -1 })).json(),
    ).toMatchObject({ field: 'body.ttlSeconds' });
    expect((await req('GET', '/api/v1/jobs/-1')).statusCode).toBe(400);
    expect((await req('GET', '/api/v1/jobs?limit=0')).json()).toMatchObject({
      field: 'querystring.limit',
    });
  });

  test('an unknown server name runs on the default server, and says so; who asked is recorded', async () => {
    const response = await req('POST', '/api/v1/jobs', {
      tests: [ref('account', 'locked user')],
      server: 'remote',
    });
    expect(response.statusCode).toBe(200);
    const job = response.json();
    expect(job).toMatchObject({
      state: 'complete',
      server: 'local',
      createdUser: 'admin (created with the workspace)',
    });
    expect(t.adminKey).toContain(`_${String(job.keyId)}_`);
    const audit = await t.app.inject({ url: '/api/v1/audit', headers: t.auth(t.adminKey) });
    expect(audit.json().items[0]).toMatchObject({
      action: 'job.execute',
      details: { server: 'local', requestedServer: 'remote' },
    });
  });

  test('with strict server names an unknown name is a 404 naming the known servers', async () => {
    const strict = await createTestApp({ strictServerNames: true });
    try {
      const response = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/jobs',
        headers: strict.auth(strict.adminKey),
        payload: { tests: [ref('a', 'b')], server: 'remote' },
      });
      expect(response.json()).toMatchObject({
        status: 404,
        code: 'UNKNOWN_SERVER',
        field: 'body.server',
        message: expect.stringContaining('known servers: local') as string,
      });
    } finally {
      await strict.close();
    }
  });

  test('servers and whoami', async () => {
    expect((await req('GET', '/api/v1/servers')).json()).toEqual({
      items: [
        { name: 'local', kind: 'local', description: expect.any(String) as string, default: true },
      ],
    });
    expect((await req('GET', '/api/v1/whoami')).json()).toMatchObject({
      workspace: t.workspace,
      role: 'admin',
    });
  });
});
