import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

describe('limits', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  test('a JSON body over the limit is a 413', async () => {
    t = await createTestApp({ bodyLimit: 1024 });
    const tests = Array.from({ length: 100 }, (_, i) => ({ pool: 'p', suite: 's', test: `t${i}` }));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests },
    });
    expect(response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  test('requests past the per-key rate are 429s with retry-after; other keys are unaffected', async () => {
    t = await createTestApp({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const other = t.adminKey;
    const viewer = await t.keyWithRole('viewer');
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await t.app.inject({ method: 'GET', url: '/api/v1/pools', headers: t.auth(viewer) }))
          .statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await t.app.inject({
      method: 'GET',
      url: '/api/v1/pools',
      headers: t.auth(viewer),
    });
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The admin key made one request (creating the viewer key): it still has room.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/pools', headers: t.auth(other) }))
        .statusCode,
    ).toBe(200);
  });

  test('malformed JSON is a 400; unknown routes are a 404 in the same shape, key redacted', async () => {
    t = await createTestApp();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { ...t.auth(t.adminKey), 'content-type': 'application/json' },
      payload: '{"tests": [',
    });
    expect(bad.json()).toMatchObject({ status: 400, requestId: expect.any(String) as string });
    const unknown = await t.app.inject({ method: 'GET', url: `/api/apikey/${t.adminKey}/nowhere` });
    expect(unknown.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(unknown.body).not.toContain(t.adminKey);
  });
});
