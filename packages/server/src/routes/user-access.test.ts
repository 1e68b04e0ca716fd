import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTdmpServer,
  TDMP_TEST_PASSWORD,
  type TdmpTestServer,
} from '../testing/tdmp-test-server.js';

describe('deactivating or deleting a user takes away their keys and sessions', () => {
  let t: TdmpTestServer;
  beforeEach(async () => {
    t = await startTdmpServer();
    await t.userWithPassword('ann', 'admin');
    await t.userWithPassword('bob', 'tester');
  });
  afterEach(() => t.close());

  const session = async (user: string) => {
    const response = await t.call('POST', '/api/v1/sessions', {
      body: { user, password: TDMP_TEST_PASSWORD },
    });
    expect(response.status, response.text).toBe(201);
    return response.body.token as string;
  };
  const key = async (auth: string, body: object) => {
    const response = await t.call('POST', '/api/v1/keys', { auth, body });
    expect(response.status, response.text).toBe(201);
    return response.body as { key: string; userId: string | null };
  };
  const status = async (auth: string) => (await t.call('GET', '/api/v1/pools', { auth })).status;

  it("answers 401 to a deactivated user's keys and sessions, and reactivation brings none back", async () => {
    const annSession = await session('ann');
    const created = await key(annSession, { name: 'ci', role: 'tester' });
    // A key created while logged in belongs to its creator.
    expect(created.userId).toBe('ann');
    const owned = await key(t.adminKey, { name: 'ann-laptop', role: 'tester', userId: 'ann' });
    const machine = await key(t.adminKey, { name: 'build', role: 'tester' });
    const bobSession = await session('bob');
    for (const auth of [annSession, created.key, owned.key, machine.key, bobSession])
      expect(await status(auth)).toBe(200);

    const off = await t.call('PATCH', '/api/v1/users/ann', {
      auth: t.adminKey,
      body: { active: false },
    });
    expect(off.status, off.text).toBe(200);
    for (const auth of [annSession, created.key, owned.key]) expect(await status(auth)).toBe(401);
    expect(await status(machine.key)).toBe(200);
    expect(await status(bobSession)).toBe(200);
    const keys = await t.call('GET', '/api/v1/keys?limit=50', { auth: t.adminKey });
    const revoked = (keys.body.items as { name: string; revokedAt: string | null }[])
      .filter((k) => k.revokedAt !== null)
      .map((k) => k.name)
      .sort();
    expect(revoked).toEqual(['ann-laptop', 'ci']);

    const on = await t.call('PATCH', '/api/v1/users/ann', {
      auth: t.adminKey,
      body: { active: true },
    });
    expect(on.status, on.text).toBe(200);
    for (const auth of [annSession, created.key, owned.key]) expect(await status(auth)).toBe(401);
    // A new login works again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await status(await session('ann'))).toBe(200);
  });

  it("revokes a deleted user's sessions, so a user created again with the id does not inherit them", async () => {
    const bobSession = await session('bob');
    const deleted = await t.call('DELETE', '/api/v1/users/bob', { auth: t.adminKey });
    expect(deleted.status, deleted.text).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.userWithPassword('bob', 'tester');
    expect(await status(bobSession)).toBe(401);
    expect(await status(await session('bob'))).toBe(200);
  });
});
