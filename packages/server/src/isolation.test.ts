import { openMemoryStore } from '@allot/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorkspaceWithAdminKey } from './bootstrap-workspace.js';
import { CUSTOMERS_CSV, createTestApp, samplePool, type TestApp } from './testing/test-app.js';

/** Two workspaces on one store: nothing of one is visible from the other, not even its existence. */
describe('workspace isolation', () => {
  let t: TestApp;
  let otherKey: string;
  let jobId: number;
  let keyId: string;
  beforeAll(async () => {
    t = await createTestApp({}, await openMemoryStore());
    await t.seed();
    otherKey = (await createWorkspaceWithAdminKey(t.store, { id: 'other' })).adminKey;
    const job = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }] },
    });
    jobId = (job.json() as { id: number }).id;
    keyId = t.adminKey.split('_')[1] as string;
  });
  afterAll(() => t.close());

  const paths = () =>
    [
      ['GET', '/api/v1/pools/shop'],
      ['GET', '/api/v1/pools/shop/tests'],
      ['GET', '/api/v1/pools/shop/suites/account/tests/locked%20user'],
      ['GET', '/api/v1/pools/shop/results'],
      ['GET', '/api/v1/pools/shop/suites/account/tests/locked%20user/result'],
      ['POST', '/api/v1/pools/shop/suites/account/tests/locked%20user/release'],
      ['GET', '/api/v1/blocks/customers'],
      ['GET', '/api/v1/blocks/customers/versions'],
      ['GET', '/api/v1/blocks/customers/download'],
      ['GET', `/api/v1/jobs/${jobId}`],
      ['POST', `/api/v1/jobs/${jobId}/release`],
      ['GET', `/api/v1/keys/${keyId}`],
      ['DELETE', '/api/v1/pools/shop'],
      ['GET', `/api/job/${jobId}`],
      ['GET', '/api/allocation-pool/shop/suite/account/allocated-test/locked%20user/result/value'],
    ] as const;

  test("another workspace's resources answer exactly like missing ones", async () => {
    const missing = new Map([
      ['shop', 'absent'],
      [String(jobId), '987654'],
      [keyId, 'ffffffffffffffff'],
    ]);
    for (const [method, url] of paths()) {
      const own = await t.app.inject({
        method,
        // Whole segments: a key id may begin with the job's id.
        url: url
          .split('/')
          .map((segment) => missing.get(segment) ?? segment)
          .join('/'),
        headers: t.auth(otherKey),
      });
      const foreign = await t.app.inject({ method, url, headers: t.auth(otherKey) });
      expect(foreign.statusCode, url).toBe(404);
      expect(own.statusCode, url).toBe(404);
      const strip = (body: string) => ({
        ...(JSON.parse(body) as object),
        requestId: '',
        message: '',
      });
      // Same message too, once the names differ no more.
      const message = (body: string) =>
        (JSON.parse(body) as { message: string }).message
          .replaceAll('absent', 'shop')
          .replaceAll('987654', String(jobId))
          .replaceAll('ffffffffffffffff', keyId);
      expect(message(foreign.body), url).toBe(message(own.body));
      expect(strip(foreign.body), url).toEqual(strip(own.body));
    }
  });

  test('lists show only their own workspace', async () => {
    for (const url of [
      '/api/v1/pools',
      '/api/v1/blocks',
      '/api/v1/jobs',
      '/api/v1/audit',
      '/api/v1/users',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: t.auth(otherKey) });
      expect(response.json().items, url).toEqual([]);
    }
    const keys = await t.app.inject({
      method: 'GET',
      url: '/api/v1/keys',
      headers: t.auth(otherKey),
    });
    expect(keys.json().items).toHaveLength(1);
    expect(keys.body).not.toContain(keyId);
  });

  test('the original workspace still has everything', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/pools/shop',
          headers: t.auth(t.adminKey),
        })
      ).statusCode,
    ).toBe(200);
  });
});

/** Job and audit ids count per workspace, so no workspace reads another's pace from them. */
describe('ids per workspace', () => {
  let t: TestApp;
  let otherKey: string;
  beforeAll(async () => {
    t = await createTestApp({}, await openMemoryStore());
    await t.seed();
    otherKey = (await createWorkspaceWithAdminKey(t.store, { id: 'other' })).adminKey;
  });
  afterAll(() => t.close());

  const execute = (key: string, pool: string, test: string, suite: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/allocation-pool/${pool}/resolve/server/local/execute`,
      headers: t.auth(key),
      payload: [{ allocationTestName: test, suiteName: suite }],
    });
  const get = (key: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: t.auth(key) });

  test("an execute naming another workspace's pool answers like a pool that does not exist", async () => {
    const foreign = await execute(otherKey, 'shop', 'locked user', 'account');
    const missing = await execute(otherKey, 'absent', 'locked user', 'account');
    expect(foreign.statusCode).toBe(missing.statusCode);
    const shape = (body: string) => {
      const job = JSON.parse(body) as Record<string, unknown>;
      return { ...job, id: 0, createdDate: '', lastUpdate: '' };
    };
    expect(shape(foreign.body)).toEqual(
      JSON.parse(JSON.stringify(shape(missing.body)).replaceAll('absent', 'shop')),
    );
    expect(shape(foreign.body)).toMatchObject({ jobState: 'Error' });
  });

  test('two workspaces each number their jobs and audit events from 1, and see only their own', async () => {
    // `other` has run two jobs (above); its next is 3, while this workspace's first is 1.
    const mine = await execute(t.adminKey, 'shop', 'locked user', 'account');
    expect(mine.json()).toMatchObject({ id: 1, jobState: 'Complete' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/customers?keyColumn=id',
      headers: { ...t.auth(otherKey), 'content-type': 'text/csv' },
      payload: CUSTOMERS_CSV,
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/pools/shop',
      headers: t.auth(otherKey),
      payload: samplePool(),
    });
    const theirs = await execute(otherKey, 'shop', 'pays in Germany', 'checkout');
    expect(theirs.json()).toMatchObject({ id: 3, jobState: 'Complete' });

    const testsOf = async (key: string, id: number) =>
      (
        (await get(key, `/api/v1/jobs/${id}`)).json() as { tests: Array<{ test: string }> }
      ).tests.map((x) => x.test);
    expect(await testsOf(t.adminKey, 1)).toEqual(['locked user']);
    expect(await testsOf(otherKey, 1)).toEqual(['locked user']);
    expect(await testsOf(otherKey, 3)).toEqual(['pays in Germany']);
    expect((await get(t.adminKey, '/api/v1/jobs/3')).statusCode).toBe(404);
    expect((await get(t.adminKey, '/api/job/1')).json()).toMatchObject({ id: 1 });

    // Releasing job 1 of `other` leaves job 1 of this workspace holding its rows.
    const released = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs/1/release',
      headers: t.auth(otherKey),
    });
    expect(released.statusCode).toBe(200);
    expect((await get(t.adminKey, '/api/v1/jobs/1')).json()).toMatchObject({ releasedAt: null });

    for (const key of [t.adminKey, otherKey]) {
      const items = (await get(key, '/api/v1/audit?limit=100')).json().items as Array<{
        id: number;
      }>;
      const ids = items.map((e) => e.id).sort((a, b) => a - b);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    }
  });
});
