import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** A pool whose test makes customers ahead of demand, keeping 2–3 free. */
const STOCKED = {
  pool: 'stocked',
  key: 'id',
  blocks: ['customers'],
  tests: [
    {
      suite: 'checkout',
      test: 'new customer',
      consume: true,
      find: { where: { status: 'new' } },
      make: {
        columns: { id: { sequence: { prefix: 'N-' } }, status: 'new' },
        teardown: { http: { method: 'DELETE', url: 'https://app.test/c/{{row.id}}' } },
      },
      topUp: { low: 2, high: 3 },
    },
  ],
};

describe('made rows, forecasts and top-ups over /api/v1', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ lifecycle: { topUpEveryMs: 50 } });
    await t.seed();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/pools/stocked',
      headers: t.auth(t.adminKey),
      payload: STOCKED,
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
  });
  afterEach(() => t.close());

  const get = (url: string, key = t.adminKey) =>
    t.app.inject({ method: 'GET', url, headers: t.auth(key) });

  it('forecasts a pool with its watermarks, tops it up, and lists the rows made ahead', async () => {
    const before = await get('/api/v1/pools/stocked/forecast');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().finds[0]).toMatchObject({ free: 0, topUp: { low: 2, high: 3 } });

    const viewer = await t.keyWithRole('viewer');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pools/stocked/top-up',
      headers: t.auth(viewer),
    });
    expect(refused.statusCode).toBe(403);

    const queued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pools/stocked/top-up',
      headers: t.auth(t.adminKey),
    });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().jobs).toHaveLength(1);
    const deadline = Date.now() + 10_000;
    let free = 0;
    while (free < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      free = (await get('/api/v1/pools/stocked/forecast')).json().finds[0].free as number;
    }
    expect((await get('/api/v1/pools/stocked/forecast')).json().finds[0]).toMatchObject({
      free: 3,
      madeAhead: 3,
    });
    const rows = await get('/api/v1/made-rows?origin=top-up', viewer);
    expect(rows.statusCode, rows.body).toBe(200);
    expect(rows.json().items).toHaveLength(3);
    expect(rows.json().items[0]).toMatchObject({
      pool: 'stocked',
      state: 'held',
      jobId: null,
      values: { status: 'new' },
    });
    expect((await get('/api/v1/made-rows?state=failed')).json().items).toEqual([]);
  });

  it('answers 400 naming the field, and 404 for a pool of no workspace of the caller', async () => {
    const bad = await get('/api/v1/made-rows?state=gone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toMatch(/state/);
    expect((await get('/api/v1/pools/nope/forecast')).statusCode).toBe(404);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pools/nope/top-up',
      headers: t.auth(t.adminKey),
    });
    expect(missing.statusCode).toBe(404);
    const queue = await get('/api/v1/queue?kind=top-up');
    expect(queue.json().items).toEqual([]);
  });

  it('puts every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/made-rows',
        '/api/v1/pools/{pool}/forecast',
        '/api/v1/pools/{pool}/top-up',
      ]),
    );
  });
});
