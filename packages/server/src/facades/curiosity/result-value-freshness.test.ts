import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * `result/value` keeps the answer it serialised for a result record: these
 * show that a re-run, a release and an expired lease are seen on the next
 * read, by both vendor reads and the resource API alike.
 */
describe('result/value answers what the store holds now', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:00Z');
  const test_ = { pool: 'shop', suite: 'checkout', test: 'pays in Germany' };
  /** Customers where only `id` is an active German customer (C-1 and C-2 take turns). */
  const onlyActive = (id: string) =>
    [
      'id,email,status,country,tier,balance,note',
      `C-1,a@example.test,${id === 'C-1' ? 'active' : 'closed'},DE,gold,900.00,plain`,
      `C-2,b@example.test,${id === 'C-2' ? 'active' : 'closed'},DE,silver,-12.50,x`,
    ].join('\n');

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    await t.seed();
  });
  afterAll(() => t.close());

  const upload = async (csv: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/customers?keyColumn=id',
      headers: { ...t.auth(t.adminKey), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBeLessThan(300);
  };
  const run = async (options: { refresh?: boolean; ttlSeconds?: number } = {}) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests: [test_], waitMs: 5000, ...options },
    });
    expect(response.statusCode).toBeLessThan(300);
    return response.json() as { id: number; state: string };
  };
  /** The allocated id as the GET and POST vendor reads and the resource API see it. */
  const reads = async () => {
    const enc = encodeURIComponent;
    const get = await t.app.inject({
      url: `/api/apikey/${t.adminKey}/allocation-pool/shop/suite/checkout/allocated-test/${enc(test_.test)}/result/value`,
    });
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/apikey/${t.adminKey}/allocation-pool/suite/allocated-test/result/value?mergeMethod=NoMerge`,
      payload: { pool: 'shop', suite: 'checkout', testName: test_.test },
    });
    const v1 = await t.app.inject({
      url: `/api/v1/pools/shop/suites/checkout/tests/${enc(test_.test)}/result`,
      headers: t.auth(t.adminKey),
    });
    return [
      (get.json() as { id: string }).id,
      (post.json() as { dataRows: { id: string }[] }).dataRows[0]?.id,
      (v1.json() as { rows: { id: string }[] }).rows[0]?.id,
    ];
  };

  test('a re-run that allocates another row is read at once', async () => {
    await upload(onlyActive('C-1'));
    await run({ refresh: true });
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    await upload(onlyActive('C-2'));
    await run({ refresh: true });
    expect(await reads()).toEqual(['C-2', 'C-2', 'C-2']);
  });

  test('after a release the values stay readable, and the next job is read at once', async () => {
    await upload(onlyActive('C-1'));
    const job = await run({ refresh: true });
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    const released = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/release`,
      headers: t.auth(t.adminKey),
    });
    expect(released.statusCode).toBe(200);
    // Results outlive their leases (released or expired): the test still reads what it was given.
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    await upload(onlyActive('C-2'));
    await run({ refresh: true });
    expect(await reads()).toEqual(['C-2', 'C-2', 'C-2']);
  });

  test('after the lease expires, the next job is read at once', async () => {
    await upload(onlyActive('C-1'));
    await run({ refresh: true, ttlSeconds: 60 });
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    now = new Date(now.getTime() + 61_000);
    expect(await reads()).toEqual(['C-1', 'C-1', 'C-1']);
    await upload(onlyActive('C-2'));
    await run({ refresh: true });
    expect(await reads()).toEqual(['C-2', 'C-2', 'C-2']);
  });
});
