import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/v1/pools/{pool}/forecast', () => {
  let t: TestApp;
  let now = new Date('2030-03-10T12:00:00Z');
  beforeEach(async () => {
    now = new Date('2030-03-10T12:00:00Z');
    t = await createTestApp({ clock: () => now });
    await t.seed();
  });
  afterEach(() => t.close());
  const get = (url: string, key = t.adminKey) =>
    t.app.inject({ method: 'GET', url, headers: t.auth(key) });
  const execute = (tests: Array<[string, string]>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: {
        tests: tests.map(([suite, test]) => ({ pool: 'shop', suite, test })),
        ttlSeconds: 7 * 24 * 3600,
      },
    });

  test('each find: demand, qualifying, free, leased, consumed, the rate jobs took rows at, when it runs out', async () => {
    now = new Date('2030-03-08T09:00:00Z');
    expect((await execute([['checkout', 'pays in Germany']])).statusCode).toBe(200);
    now = new Date('2030-03-10T12:00:00Z');
    const response = await get('/api/v1/pools/shop/forecast?days=4');
    expect(response.statusCode).toBe(200);
    const forecast = response.json();
    expect(forecast).toMatchObject({ pool: 'shop', days: 4, at: now.toISOString() });
    const germany = forecast.finds.find((f: { find: string }) => f.find.includes('country = DE'));
    // C-1 and C-2 are active in DE; the job two days ago leased one of them.
    expect(germany).toMatchObject({
      tests: [{ pool: 'shop', suite: 'checkout', test: 'pays in Germany' }],
      demand: 1,
      qualifying: 2,
      free: 1,
      leased: 1,
      consumed: 0,
      taken: 1,
      ratePerDay: 0.25,
      runsOutAt: '2030-03-14T12:00:00.000Z',
    });
    expect(germany.daily).toHaveLength(5);
    expect(germany.daily.find((d: { date: string }) => d.date === '2030-03-08').rows).toBe(1);
    const nobody = forecast.finds.find((f: { find: string }) => f.find.includes('deleted'));
    expect(nobody).toMatchObject({
      qualifying: 0,
      free: 0,
      short: 1,
      runsOutAt: now.toISOString(),
    });
    const locked = forecast.finds.find((f: { find: string }) => f.find.includes('locked'));
    expect(locked).toMatchObject({ taken: 0, ratePerDay: 0, runsOutAt: null });
  });

  test('writes nothing, answers a viewer, 404 for an unknown pool, 400 naming a bad days', async () => {
    const viewer = await t.keyWithRole('viewer');
    expect((await get('/api/v1/pools/shop/forecast', viewer)).statusCode).toBe(200);
    expect((await get('/api/v1/jobs')).json().items).toEqual([]);
    expect((await get('/api/v1/pools/nope/forecast')).json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect((await get('/api/v1/pools/shop/forecast?days=0')).json()).toMatchObject({
      status: 400,
      field: expect.stringContaining('days') as string,
    });
  });

  test("another workspace's pool is a 404", async () => {
    const other = await createTestApp({}, t.store);
    try {
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/pools/shop/forecast',
            headers: t.auth(other.adminKey),
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await other.close();
    }
  });
});
