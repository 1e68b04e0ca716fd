import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartServerOptions } from '../options.js';
import { startServer, type RunningServer } from '../start-server.js';
import { httpCaller } from '../testing/http-caller.js';

const PASSWORD = 'correct horse battery';

describe('users with passwords, sessions and workspaces over HTTP (embedded store)', () => {
  let dir: string;
  let server: RunningServer;
  let admin: string;
  let call: ReturnType<typeof httpCaller>;
  let now: Date;
  const logs: string[] = [];

  async function start(options: Partial<StartServerOptions> = {}) {
    server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'info',
      logStream: { write: (line) => void logs.push(line) },
      handleSignals: false,
      print: () => undefined,
      rateLimit: false,
      clock: () => now,
      ...options,
    });
    admin = server.adminKey ?? admin;
    call = httpCaller(server.url);
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-sessions-'));
    now = new Date('2026-03-01T10:00:00Z');
    logs.length = 0;
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Creates a user with a role and sets their password through an invitation. */
  async function userWithPassword(id: string, role: string, extra: object = {}, key = admin) {
    const created = await call('POST', '/api/v1/users', {
      auth: key,
      body: { id, name: id, email: `${id}@example.test`, role, ...extra },
    });
    expect(created.status, created.text).toBe(201);
    const invited = await call('POST', `/api/v1/users/${id}/invitation`, { auth: key, body: {} });
    expect(invited.status, invited.text).toBe(201);
    const accepted = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
      body: { password: PASSWORD },
    });
    expect(accepted.status, accepted.text).toBe(200);
    return invited.body.token as string;
  }

  async function login(user: string, password = PASSWORD, workspace?: string) {
    return call('POST', '/api/v1/sessions', {
      body: { user, password, ...(workspace === undefined ? {} : { workspace }) },
    });
  }

  it('invites a user to set a password once, logs them in with a JWT that acts with their role, and never shows or logs the password', async () => {
    await start();
    const token = await userWithPassword('tess', 'tester');
    // Single use: the second use of the token is refused and the password stays.
    const again = await call('POST', `/api/v1/invitations/${token}`, {
      body: { password: 'another password' },
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_INVALID');

    const session = await login('tess');
    expect(session.status, session.text).toBe(201);
    expect(session.body).toMatchObject({
      tokenType: 'Bearer',
      user: 'tess',
      workspace: 'default',
      role: 'tester',
      accountRole: 'Tester',
      expiresAt: '2026-03-02T10:00:00.000Z',
    });
    const jwt = session.body.token as string;
    expect(jwt.split('.')).toHaveLength(3);

    const whoami = await call('GET', '/api/v1/whoami', { auth: jwt });
    expect(whoami.body).toMatchObject({
      workspace: 'default',
      keyId: null,
      role: 'tester',
      actor: 'user:tess',
    });
    expect((await call('GET', '/api/v1/pools', { auth: jwt })).status).toBe(200);
    expect((await call('GET', '/api/v1/users', { auth: jwt })).status).toBe(403);
    expect((await call('GET', '/api/v1/sessions/current', { auth: jwt })).body).toMatchObject({
      id: 'tess',
      hasPassword: true,
      active: true,
    });

    // By email too; the wrong password is refused like an unknown user.
    expect((await login('TESS@example.test')).status).toBe(201);
    const wrong = await login('tess', 'not the password');
    const unknown = await login('nobody', PASSWORD);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);

    const users = await call('GET', '/api/v1/users', { auth: admin });
    for (const text of [users.text, session.text, logs.join('')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/salt|scrypt/);
    }
    expect(logs.join('')).not.toContain(token.slice(-20));
  });

  it('logs out: the token stops working, and login and logout are events with user, address, start, end and duration', async () => {
    await start();
    await userWithPassword('mia', 'manager');
    const jwt = (await login('mia')).body.token as string;
    now = new Date(now.getTime() + 90_000);
    expect((await call('DELETE', '/api/v1/sessions/current', { auth: jwt })).status).toBe(204);
    const after = await call('GET', '/api/v1/whoami', { auth: jwt });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHORIZED');
    // An API key has no session to end.
    const byKey = await call('DELETE', '/api/v1/sessions/current', { auth: admin });
    expect(byKey.status).toBe(400);

    const events = (await call('GET', '/api/v1/audit', { auth: admin })).body.items as {
      action: string;
      actor: string;
      details: Record<string, unknown>;
    }[];
    const login_ = events.find((e) => e.action === 'session.login');
    const logout = events.find((e) => e.action === 'session.logout');
    expect(login_).toMatchObject({
      actor: 'user:mia',
      details: { ip: '127.0.0.1', start: '2026-03-01T10:00:00.000Z' },
    });
    expect(logout).toMatchObject({
      actor: 'user:mia',
      details: {
        ip: '127.0.0.1',
        start: '2026-03-01T10:00:00.000Z',
        end: '2026-03-01T10:01:30.000Z',
        durationSeconds: 90,
      },
    });
  });

  it('expires sessions after the configured life and refuses tampered tokens', async () => {
    await start({ sessions: { ttlSeconds: 3600 } });
    await userWithPassword('tom', 'tester');
    const jwt = (await login('tom')).body.token as string;
    expect((await call('GET', '/api/v1/whoami', { auth: jwt })).status).toBe(200);
    const [head, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(
      (await call('GET', '/api/v1/whoami', { auth: `${head}.${forged}.${signature}` })).status,
    ).toBe(401);
    now = new Date(now.getTime() + 3601_000);
    expect((await call('GET', '/api/v1/whoami', { auth: jwt })).status).toBe(401);
  });

  it('deactivating a user ends their sessions and refuses their logins; activating lets them back', async () => {
    await start();
    await userWithPassword('dan', 'tester');
    const jwt = (await login('dan')).body.token as string;
    const off = await call('PATCH', '/api/v1/users/dan', { auth: admin, body: { active: false } });
    expect(off.body).toMatchObject({ active: false });
    expect((await call('GET', '/api/v1/whoami', { auth: jwt })).status).toBe(401);
    expect((await login('dan')).status).toBe(401);
    await call('PATCH', '/api/v1/users/dan', { auth: admin, body: { active: true } });
    expect((await login('dan')).status).toBe(201);
  });

  it('answers 429 with Retry-After after repeated failures per user, then per address', async () => {
    await start({ loginThrottle: { maxPerUser: 3, maxPerAddress: 5, windowMs: 60_000 } });
    await userWithPassword('ann', 'tester');
    for (let i = 0; i < 3; i++) expect((await login('ann', 'wrong password')).status).toBe(401);
    // Refused even with the right password while the failures last.
    const blocked = await login('ann');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBe(60);
    now = new Date(now.getTime() + 61_000);
    expect((await login('ann')).status).toBe(201);

    // Another 5 failures from this address, on users that may not exist.
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5'])
      expect((await login(user, 'wrong password')).status).toBe(401);
    expect((await login('ann')).status).toBe(429);
  });

  it('refuses an expired invitation, and keeps the invitation when the password is refused', async () => {
    await start();
    await call('POST', '/api/v1/users', {
      auth: admin,
      body: { id: 'ivy', name: 'Ivy', email: 'ivy@example.test', role: 'tester' },
    });
    const invited = await call('POST', '/api/v1/users/ivy/invitation', {
      auth: admin,
      body: { ttlSeconds: 600 },
    });
    const short = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.field).toBe('body.password');
    now = new Date(now.getTime() + 601_000);
    const late = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
      body: { password: PASSWORD },
    });
    expect(late.status).toBe(410);
    const fresh = await call('POST', '/api/v1/users/ivy/invitation', { auth: admin, body: {} });
    expect(
      (
        await call('POST', `/api/v1/invitations/${fresh.body.token}`, {
          body: { password: PASSWORD },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('POST', '/api/v1/invitations/allotinv_00_xxxxxxxxxxxxxxxxxxxxxxxx', {
          body: { password: PASSWORD },
        })
      ).status,
    ).toBe(410);
  });

  it('a SuperUser creates and lists workspaces and acts in any of them; nobody else may', async () => {
    await start();
    await userWithPassword('root', 'admin', { superUser: true });
    const superJwt = (await login('root')).body.token as string;
    expect((await call('GET', '/api/v1/whoami', { auth: superJwt })).body).toMatchObject({
      role: 'admin',
      superUser: true,
    });

    const created = await call('POST', '/api/v1/workspaces', {
      auth: superJwt,
      body: { id: 'acme', name: 'Acme' },
    });
    expect(created.status, created.text).toBe(201);
    expect(
      (await call('POST', '/api/v1/workspaces', { auth: superJwt, body: { id: 'acme' } })).status,
    ).toBe(409);
    const bad = await call('POST', '/api/v1/workspaces', { auth: superJwt, body: { id: '_x' } });
    expect([bad.status, bad.body.field]).toEqual([400, 'body.id']);
    const listed = await call('GET', '/api/v1/workspaces', { auth: superJwt });
    expect(listed.body.items.map((w: { id: string }) => w.id)).toEqual(['acme', 'default']);

    // Into the new workspace: create its first admin user there.
    const inAcme = { 'x-allot-workspace': 'acme' };
    const acmeAdmin = await call('POST', '/api/v1/users', {
      auth: superJwt,
      headers: inAcme,
      body: { id: 'ada', name: 'Ada', email: 'ada@acme.test', role: 'admin' },
    });
    expect(acmeAdmin.status, acmeAdmin.text).toBe(201);
    expect(
      (await call('GET', '/api/v1/users', { auth: admin })).body.items.map(
        (u: { id: string }) => u.id,
      ),
    ).toEqual(['root']);
    expect(
      (
        await call('GET', '/api/v1/users', {
          auth: superJwt,
          headers: { 'x-allot-workspace': 'nope' },
        })
      ).status,
    ).toBe(404);

    // An admin key, a plain admin user, and another workspace's admin are refused.
    expect((await call('GET', '/api/v1/workspaces', { auth: admin })).status).toBe(403);
    await userWithPassword('alice', 'admin');
    const adminJwt = (await login('alice')).body.token as string;
    expect(
      (await call('POST', '/api/v1/workspaces', { auth: adminJwt, body: { id: 'x' } })).status,
    ).toBe(403);
    expect((await call('GET', '/api/v1/users', { auth: adminJwt, headers: inAcme })).status).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/users', { auth: admin, headers: inAcme })).status).toBe(403);
    // Only a SuperUser makes, changes or deletes a SuperUser once there is one.
    const second = await call('POST', '/api/v1/users', {
      auth: admin,
      body: { id: 'eve', name: 'Eve', email: 'eve@example.test', role: 'admin', superUser: true },
    });
    expect(second.status).toBe(403);
    expect(
      (await call('PATCH', '/api/v1/users/alice', { auth: admin, body: { superUser: true } }))
        .status,
    ).toBe(403);
    expect(
      (await call('PATCH', '/api/v1/users/root', { auth: adminJwt, body: { active: false } }))
        .status,
    ).toBe(403);
    expect((await call('DELETE', '/api/v1/users/root', { auth: admin })).status).toBe(403);
    expect((await call('GET', '/api/v1/users', { auth: admin })).body.items).toHaveLength(2);
  });

  it('validates bodies with the field named and answers 404 for users of other workspaces', async () => {
    await start();
    const noPassword = await call('POST', '/api/v1/sessions', { body: { user: 'x' } });
    expect([noPassword.status, noPassword.body.field]).toEqual([400, 'body.password']);
    const badActive = await call('PATCH', '/api/v1/users/x', {
      auth: admin,
      body: { active: 'no' },
    });
    expect([badActive.status, badActive.body.field]).toEqual([400, 'body.active']);
    expect(
      (await call('PATCH', '/api/v1/users/ghost', { auth: admin, body: { active: false } })).status,
    ).toBe(404);
    expect(
      (await call('POST', '/api/v1/users/ghost/invitation', { auth: admin, body: {} })).status,
    ).toBe(404);
    const paths = Object.keys((await call('GET', '/docs/json')).body.paths);
    for (const path of [
      '/api/v1/sessions',
      '/api/v1/sessions/current',
      '/api/v1/users/{id}/invitation',
      '/api/v1/invitations/{token}',
      '/api/v1/workspaces',
    ])
      expect(paths).toContain(path);
    const ttl = await call('POST', '/api/v1/users/ghost/invitation', {
      auth: admin,
      body: { ttlSeconds: 1 },
    });
    expect([ttl.status, ttl.body.field]).toEqual([400, 'body.ttlSeconds']);
  });
});
