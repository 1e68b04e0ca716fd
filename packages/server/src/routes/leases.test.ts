import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/v1/leases', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());
  const call = (method: 'GET' | 'POST', url: string, key = t.adminKey, payload?: object) =>
    t.app.inject({ method, url, headers: t.auth(key), ...(payload ? { payload } : {}) });
  const ref = (suite: string, test: string) => ({ pool: 'shop', suite, test });

  test('each test of a live job that holds rows: job, holder, rows, until; a release ends it', async () => {
    const job = (
      await call('POST', '/api/v1/jobs', t.adminKey, {
        tests: [
          ref('checkout', 'pays in Germany'),
          ref('account', 'locked user'),
          ref('account', 'nobody matches'),
        ],
      })
    ).json() as { id: number; expiresAt: string };
    const leases = (await call('GET', '/api/v1/leases')).json();
    expect(leases.total).toBe(2);
    expect(leases.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          job: job.id,
          suite: 'account',
          test: 'locked user',
          rows: [{ block: 'customers', key: 'C-4' }],
          until: job.expiresAt,
          shared: false,
        }),
      ]),
    );
    expect(leases.items[0].holder).toEqual(expect.any(String));

    expect(
      (await call('POST', '/api/v1/pools/shop/suites/account/tests/locked%20user/release'))
        .statusCode,
    ).toBe(200);
    const after = (await call('GET', '/api/v1/leases')).json();
    expect(after.items.map((l: { test: string }) => l.test)).toEqual(['pays in Germany']);
    await call('POST', `/api/v1/jobs/${job.id}/release`);
    expect((await call('GET', '/api/v1/leases')).json()).toMatchObject({ items: [], total: 0 });
  });

  test('pages, filters by pool and job, answers a viewer, and never shows another workspace', async () => {
    await call('POST', '/api/v1/jobs', t.adminKey, {
      tests: [ref('checkout', 'pays in Germany'), ref('account', 'locked user')],
    });
    const viewer = await t.keyWithRole('viewer');
    const page = (await call('GET', '/api/v1/leases?limit=1&offset=1', viewer)).json();
    expect(page).toMatchObject({ limit: 1, offset: 1, total: 2 });
    expect(page.items).toHaveLength(1);
    expect((await call('GET', '/api/v1/leases?pool=other')).json().total).toBe(0);
    expect((await call('GET', '/api/v1/leases?job=99')).json().total).toBe(0);
    expect((await call('GET', '/api/v1/leases?job=1')).json().total).toBe(2);
    expect((await call('GET', '/api/v1/leases?limit=0')).json()).toMatchObject({
      status: 400,
      field: expect.stringContaining('limit') as string,
    });
    const other = await createTestApp({}, t.store);
    try {
      expect((await call('GET', '/api/v1/leases', other.adminKey)).json().total).toBe(0);
    } finally {
      await other.close();
    }
  });
});
