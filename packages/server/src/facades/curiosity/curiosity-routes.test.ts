import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The vendor flow as its public clients run it, against a real server on a port. */
describe('vendor protocol over HTTP', () => {
  let t: TestApp;
  let base: string;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      logLevel: 'info',
      logStream: { write: (line) => void logs.push(line) },
    });
    await t.seed();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(() => t.close());

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const enc = encodeURIComponent;

  test('execute one bundle, track the job, read values both ways', async () => {
    const key = t.adminKey;
    const bundle = [
      { allocationTestName: 'pays in Germany', poolName: 'shop', suiteName: 'checkout' },
      { allocationTestName: 'gold & rich / 100%', poolName: 'shop', suiteName: 'checkout' },
      { allocationTestName: 'locked user', poolName: 'shop', suiteName: 'account' },
    ];
    const executed = await call(
      'POST',
      `/api/apikey/${key}/allocation-pool/shop/resolve/server/local/execute`,
      bundle,
    );
    expect(executed.status).toBe(200);
    expect(executed.body).toMatchObject({ jobState: 'Complete', id: expect.any(Number) as number });
    expect(Number.isInteger(executed.body.id)).toBe(true);

    const tracked = await call('GET', `/api/apikey/${key}/job/${String(executed.body.id)}`);
    expect(tracked.body).toMatchObject({ id: executed.body.id, jobState: 'Complete' });

    const value = await call(
      'GET',
      `/api/apikey/${key}/allocation-pool/shop/suite/checkout/allocated-test/${enc('gold & rich / 100%')}/result/value`,
    );
    expect(value.status).toBe(200);
    expect(value.body).toMatchObject({ tier: 'gold', balance: expect.any(String) as string });
    expect(Object.values(value.body).every((v) => typeof v === 'string')).toBe(true);

    const germany = await call(
      'GET',
      `/api/apikey/${key}/allocation-pool/shop/suite/checkout/allocated-test/${enc('pays in Germany')}/result/value`,
    );
    expect(Object.keys(germany.body)).toEqual(['id', 'email', 'country']);
    expect(germany.body.country).toBe('DE');
    // Uniqueness across the bundle: no two tests got the same row.
    const ids = await Promise.all(
      bundle.map(async (b) => {
        const r = await call(
          'POST',
          '/api/apikey/' +
            key +
            '/allocation-pool/suite/allocated-test/result/value?mergeMethod=NoMerge',
          {
            pool: b.poolName,
            suite: b.suiteName,
            testName: b.allocationTestName,
          },
        );
        return (r.body.dataRows as Array<{ id: string }>)[0]?.id;
      }),
    );
    expect(new Set(ids).size).toBe(3);
  });

  test('a job with failures is Error with every reason in progressMessage', async () => {
    const executed = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/local/execute`,
      [
        { allocationTestName: 'nobody matches', poolName: 'shop', suiteName: 'account' },
        { allocationTestName: 'no such test', poolName: 'shop', suiteName: 'account' },
      ],
    );
    expect(executed.status).toBe(200);
    expect(executed.body.jobState).toBe('Error');
    expect(executed.body.progressMessage).toContain('nobody matches');
    expect(executed.body.progressMessage).toContain('no such test');
  });

  test('the same routes take the key in a header', async () => {
    const headers = { 'x-api-key': t.adminKey };
    const executed = await call(
      'POST',
      '/api/allocation-pool/shop/resolve/server/local/execute',
      [{ allocationTestName: 'locked user', suiteName: 'account' }],
      headers,
    );
    expect(executed.body.jobState).toBe('Complete');
    const value = await call(
      'GET',
      '/api/allocation-pool/shop/suite/account/allocated-test/locked%20user/result/value',
      undefined,
      t.auth(t.adminKey),
    );
    expect(value.body).toEqual({ id: 'C-4', status: 'locked' });
    const job = await call('GET', `/api/job/${String(executed.body.id)}`, undefined, headers);
    expect(job.body.jobState).toBe('Complete');
  });

  test('a missing result says which part is unknown or that the test is not allocated', async () => {
    const path = (pool: string, suite: string, test: string) =>
      `/api/apikey/${t.adminKey}/allocation-pool/${enc(pool)}/suite/${enc(suite)}/allocated-test/${enc(test)}/result/value`;
    const cases: Array<[string, string, string, RegExp]> = [
      ['nope', 'checkout', 'x', /pool "nope" does not exist/],
      ['shop', 'no suite', 'x', /pool "shop" has no suite "no suite"/],
      ['shop', 'checkout', 'no test', /suite "checkout" of pool "shop" has no test "no test"/],
      ['shop', 'account', 'nobody matches', /has not been allocated yet/],
    ];
    for (const [pool, suite, test, message] of cases) {
      const response = await call('GET', path(pool, suite, test));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(response.body.message).toMatch(message);
    }
    const dataRows = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/suite/allocated-test/result/value?mergeMethod=CartesianProduct`,
      {
        pool: 'shop',
        suite: 'checkout',
        testName: 'no test',
      },
    );
    expect(dataRows.status).toBe(404);
  });

  test("a server name written for the vendor's agent runs on the default server", async () => {
    const executed = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/DESKTOP-ABC123/execute`,
      [{ allocationTestName: 'locked user', suiteName: 'account' }],
    );
    expect(executed.status).toBe(200);
    expect(executed.body).toMatchObject({ jobState: 'Complete' });
    const value = await call(
      'GET',
      `/api/apikey/${t.adminKey}/allocation-pool/shop/suite/account/allocated-test/locked%20user/result/value`,
    );
    expect(value.body).toEqual({ id: 'C-4', status: 'locked' });
  });

  test('with strict server names an unknown one is a 404 naming the known ones', async () => {
    const strict = await createTestApp({ strictServerNames: true });
    try {
      const response = await strict.app.inject({
        method: 'POST',
        url: `/api/apikey/${strict.adminKey}/allocation-pool/shop/resolve/server/DESKTOP-ABC123/execute`,
        payload: [{ allocationTestName: 'locked user', suiteName: 'account' }],
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'UNKNOWN_SERVER', field: 'params.server' });
      expect(response.json().message).toContain('known servers: local');
    } finally {
      await strict.close();
    }
  });

  test('bad input: wrong key, bad body, bad merge method, non-integer job id', async () => {
    expect((await call('GET', '/api/apikey/allot_0123456789abcdef_nope/job/1')).status).toBe(401);
    expect((await call('GET', '/api/job/1')).status).toBe(401);
    const badBody = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/local/execute`,
      [{ suiteName: 'x' }],
    );
    expect(badBody).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', field: 'body[0].allocationTestName' },
    });
    const empty = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/local/execute`,
      [],
    );
    expect(empty.status).toBe(400);
    const merge = await call(
      'POST',
      `/api/apikey/${t.adminKey}/allocation-pool/suite/allocated-test/result/value?mergeMethod=Zip`,
      {
        pool: 'shop',
        suite: 'checkout',
        testName: 'pays in Germany',
      },
    );
    expect(merge).toMatchObject({ status: 400, body: { field: 'querystring.mergeMethod' } });
    expect((await call('GET', `/api/apikey/${t.adminKey}/job/abc`)).status).toBe(400);
    expect((await call('GET', `/api/apikey/${t.adminKey}/job/999999`)).status).toBe(404);
  });

  test('keys in paths never reach the request log', () => {
    const text = logs.join('');
    expect(text).toContain('/api/apikey/[REDACTED]/');
    expect(text).not.toContain(t.adminKey);
    // The secret: everything after `allot_<id>_` (base64url, which may itself hold `_`).
    expect(text).not.toContain(t.adminKey.split('_').slice(2).join('_'));
  });
});
