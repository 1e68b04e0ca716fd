import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, samplePool, type TestApp } from '../testing/test-app.js';

describe('API keys, users, roles and audit', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());
  const as = (
    key: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: t.auth(key),
      ...(payload === undefined ? {} : { payload }),
    });

  test('a key is shown once, listed without secrets, rotated and revoked at once', async () => {
    const created = await as(t.adminKey, 'POST', '/api/v1/keys', { name: 'ci', role: 'tester' });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json() as { id: string; key: string };
    expect(key.startsWith(`allot_${id}_`)).toBe(true);
    const list = await as(t.adminKey, 'GET', '/api/v1/keys');
    // The secret is base64url and may itself hold `_`: everything after the id is the secret.
    expect(list.body).not.toContain(key.slice(`allot_${id}_`.length));
    expect(list.body).not.toContain('secretHash');
    expect(list.json().items).toHaveLength(2);
    expect((await as(t.adminKey, 'GET', `/api/v1/keys/${id}`)).json()).toMatchObject({
      name: 'ci',
      role: 'tester',
      revokedAt: null,
    });

    expect((await as(key, 'GET', '/api/v1/whoami')).statusCode).toBe(200);
    const rotated = (await as(t.adminKey, 'POST', `/api/v1/keys/${id}/rotate`)).json() as {
      key: string;
    };
    expect((await as(key, 'GET', '/api/v1/whoami')).statusCode).toBe(401);
    expect((await as(rotated.key, 'GET', '/api/v1/whoami')).statusCode).toBe(200);

    expect((await as(t.adminKey, 'DELETE', `/api/v1/keys/${id}`)).json().revokedAt).not.toBeNull();
    expect((await as(rotated.key, 'GET', '/api/v1/whoami')).json()).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
    });
    expect((await as(t.adminKey, 'POST', `/api/v1/keys/${id}/rotate`)).statusCode).toBe(409);
    expect((await as(t.adminKey, 'GET', '/api/v1/keys/0000000000000000')).statusCode).toBe(404);
    expect(
      (await as(t.adminKey, 'POST', '/api/v1/keys', { name: 'x', role: 'root' })).json(),
    ).toMatchObject({ field: 'body.role' });
  });

  test('roles: viewer reads, tester executes, manager edits pools, admin deletes and manages keys', async () => {
    const viewer = await t.keyWithRole('viewer');
    const tester = await t.keyWithRole('tester');
    const manager = await t.keyWithRole('manager');
    const execute = { tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }] };

    expect((await as(viewer, 'GET', '/api/v1/pools')).statusCode).toBe(200);
    expect((await as(viewer, 'POST', '/api/v1/jobs', execute)).json()).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect((await as(tester, 'POST', '/api/v1/jobs', execute)).statusCode).toBe(200);
    expect(
      (await as(viewer, 'GET', '/api/v1/pools/shop/suites/account/tests/locked%20user/result'))
        .statusCode,
    ).toBe(200);
    expect(
      (await as(tester, 'POST', '/api/v1/pools/shop/suites/account/tests/locked%20user/release'))
        .statusCode,
    ).toBe(200);

    expect((await as(tester, 'POST', '/api/v1/pools', samplePool('t'))).statusCode).toBe(403);
    expect((await as(manager, 'POST', '/api/v1/pools', samplePool('m'))).statusCode).toBe(201);
    expect((await as(manager, 'DELETE', '/api/v1/pools/m')).statusCode).toBe(403);
    expect(
      (await as(manager, 'DELETE', '/api/v1/pools/shop/suites/account/tests/locked%20user'))
        .statusCode,
    ).toBe(403);
    expect((await as(manager, 'GET', '/api/v1/keys')).statusCode).toBe(403);
    expect((await as(manager, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await as(t.adminKey, 'DELETE', '/api/v1/pools/m')).statusCode).toBe(204);
  });

  test('users: create, list, update role, delete revokes their keys', async () => {
    const user = await as(t.adminKey, 'POST', '/api/v1/users', {
      id: 'ann',
      name: 'Ann',
      email: 'ann@example.test',
      role: 'tester',
    });
    expect(user.statusCode).toBe(201);
    expect(
      (
        await as(t.adminKey, 'POST', '/api/v1/users', {
          id: 'ann',
          name: 'A',
          email: 'a@b.c',
          role: 'viewer',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await as(t.adminKey, 'POST', '/api/v1/users', {
          name: 'B',
          email: 'not-an-email',
          role: 'viewer',
        })
      ).json(),
    ).toMatchObject({ field: 'body.email' });
    const key = (
      await as(t.adminKey, 'POST', '/api/v1/keys', {
        name: "ann's laptop",
        role: 'tester',
        userId: 'ann',
      })
    ).json() as { key: string };
    expect((await as(key.key, 'GET', '/api/v1/whoami')).json()).toMatchObject({
      actor: expect.stringContaining('user:ann') as string,
    });
    expect(
      (
        await as(t.adminKey, 'POST', '/api/v1/keys', {
          name: 'ghost',
          role: 'viewer',
          userId: 'ghost',
        })
      ).json(),
    ).toMatchObject({ field: 'body.userId' });

    expect((await as(t.adminKey, 'GET', '/api/v1/users')).json()).toMatchObject({
      items: [{ id: 'ann', role: 'tester' }],
    });
    expect(
      (await as(t.adminKey, 'PATCH', '/api/v1/users/ann', { role: 'manager' })).json(),
    ).toMatchObject({ role: 'manager' });
    expect((await as(t.adminKey, 'GET', '/api/v1/users/ann')).json()).toMatchObject({
      role: 'manager',
    });
    expect((await as(t.adminKey, 'DELETE', '/api/v1/users/ann')).statusCode).toBe(204);
    expect((await as(key.key, 'GET', '/api/v1/whoami')).statusCode).toBe(401);
    expect((await as(t.adminKey, 'GET', '/api/v1/users/ann')).statusCode).toBe(404);
  });

  test('the audit log says who executed, released, uploaded and deleted what', async () => {
    const tester = await t.keyWithRole('tester');
    const job = (
      await as(tester, 'POST', '/api/v1/jobs', {
        tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }],
      })
    ).json() as { id: number };
    await as(tester, 'POST', `/api/v1/jobs/${job.id}/release`);
    await as(t.adminKey, 'DELETE', '/api/v1/pools/shop');
    const events = (await as(t.adminKey, 'GET', '/api/v1/audit?limit=100')).json().items as Array<{
      action: string;
      target: string;
      actor: string;
    }>;
    const actions = events.map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      'pool.delete',
      'job.release',
      'job.execute',
      'key.create',
    ]);
    expect(actions).toContain('block.upload');
    expect(events[2]).toMatchObject({
      target: `job:${job.id}`,
      actor: expect.stringMatching(/^key:[0-9a-f]{16} \(tester\)$/) as string,
    });
    expect((await as(t.adminKey, 'GET', '/api/v1/audit?limit=2')).json().links.next).toBe(
      '/api/v1/audit?limit=2&offset=2',
    );
  });

  test('missing, malformed and bearer-less credentials are 401s', async () => {
    const noKey = await t.app.inject({ method: 'GET', url: '/api/v1/pools' });
    expect(noKey.json()).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      requestId: expect.any(String) as string,
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/pools',
          headers: { authorization: 'Basic abc' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/pools',
          headers: { 'x-api-key': 'allot_zz_zz' },
        })
      ).statusCode,
    ).toBe(401);
    const wrongSecret = `${t.adminKey.slice(0, -3)}abc`;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/pools',
          headers: { 'x-api-key': wrongSecret },
        })
      ).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
      store: 'memory',
    });
  });
});
