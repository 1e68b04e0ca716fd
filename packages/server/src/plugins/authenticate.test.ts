import type { ApiKeyRecord } from '@allot/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseKey } from '../auth/api-key.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A key that was accepted once is remembered with its caller; these show
 * that every change to its record still counts on the very next request.
 */
describe('remembered keys', () => {
  let t: TestApp;
  const enc = encodeURIComponent;
  const valuePath = (key: string) =>
    `/api/apikey/${key}/allocation-pool/shop/suite/checkout/allocated-test/${enc('pays in Germany')}/result/value`;
  const read = async (key: string) => (await t.app.inject({ url: valuePath(key) })).statusCode;
  const viaHeader = async (key: string) =>
    (await t.app.inject({ url: '/api/v1/pools', headers: t.auth(key) })).statusCode;
  const idOf = (key: string) => parseKey(key)!.id;
  const record = async (key: string) => (await t.store.findApiKey(idOf(key))) as ApiKeyRecord;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seed();
    const job = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests: [{ pool: 'shop', suite: 'checkout', test: 'pays in Germany' }] },
    });
    expect(job.statusCode).toBeLessThan(300);
  });
  afterAll(() => t.close());

  test('a revoked key is refused on the next request, in the path and in a header', async () => {
    const key = await t.keyWithRole('viewer');
    expect([await read(key), await read(key), await viaHeader(key)]).toEqual([200, 200, 200]);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/keys/${idOf(key)}`,
      headers: t.auth(t.adminKey),
    });
    expect(revoked.statusCode).toBe(200);
    expect([await read(key), await viaHeader(key)]).toEqual([401, 401]);
  });

  test('a rotated key is refused at once and its new secret works', async () => {
    const key = await t.keyWithRole('viewer');
    expect(await read(key)).toBe(200);
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/keys/${idOf(key)}/rotate`,
      headers: t.auth(t.adminKey),
    });
    const fresh = (rotated.json() as { key: string }).key;
    expect([await read(key), await read(fresh)]).toEqual([401, 200]);
  });

  test('a key revoked in the store by another replica is refused at once', async () => {
    const key = await t.keyWithRole('viewer');
    expect(await read(key)).toBe(200);
    await t.store.putApiKey({ ...(await record(key)), revokedAt: new Date().toISOString() });
    expect(await read(key)).toBe(401);
  });

  test('a role changed in the store counts at once, even when the record changed in place', async () => {
    const key = await t.keyWithRole('tester');
    const execute = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/apikey/${key}/allocation-pool/shop/resolve/server/local/execute`,
          payload: [{ allocationTestName: 'locked user', suiteName: 'account' }],
        })
      ).statusCode;
    expect(await execute()).toBe(200);
    await t.store.putApiKey({ ...(await record(key)), role: 'viewer' });
    expect([await execute(), await read(key)]).toEqual([403, 200]);
    // A store that hands out its own record object: a change made to it must still count.
    (await record(key)).revokedAt = new Date().toISOString();
    expect(await read(key)).toBe(401);
  });

  test('a wrong secret for a remembered key id is refused', async () => {
    const key = await t.keyWithRole('viewer');
    expect(await read(key)).toBe(200);
    expect(await read(`${key}x`)).toBe(401);
  });
});

describe('hooks per route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.ready();
  });
  afterAll(() => t.close());

  /** The hooks fastify lists for one route and method. */
  const hooksOf = (path: string, method: string) => {
    const lines = t.app.printRoutes({ includeHooks: true, commonPrefix: false }).split('\n');
    const at = lines.findIndex((line) => line.includes(`${path} (${method})`));
    expect(at).toBeGreaterThanOrEqual(0);
    const hooks: string[] = [];
    for (const line of lines.slice(at + 1)) {
      const hook = /• \((\w+)\) \[(.*)\]/.exec(line);
      if (hook === null) break;
      hooks.push(`${hook[1]} ${hook[2]}`);
    }
    return hooks;
  };

  test("the vendor's read route runs the key check and nothing else", () => {
    expect(
      hooksOf(
        '/api/apikey/:apiKey/allocation-pool/:pool/suite/:suite/allocated-test/:test/result/value',
        'GET',
      ),
    ).toEqual(['onRequest "authenticate()"']);
  });

  test('a JSON body route adds the JSON-only check; a public route runs none', () => {
    expect(hooksOf('/api/v1/jobs', 'POST')).toEqual([
      'onRequest "authenticate()"',
      'preParsing "jsonBodyOnly()"',
    ]);
    expect(hooksOf('/api/v1/sessions', 'POST')).toEqual(['preParsing "jsonBodyOnly()"']);
  });
});
