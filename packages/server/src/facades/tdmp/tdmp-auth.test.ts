import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTdmpServer, type TdmpTestServer } from '../../testing/tdmp-test-server.js';

describe('TDMP authentication: /users/token, Bearer JWT, /users/logout', () => {
  let t: TdmpTestServer;
  beforeEach(async () => {
    t = await startTdmpServer();
    await t.userWithPassword('tess', 'tester');
  });
  afterEach(() => t.close());

  it('logs in with a form body and answers the token as the reference shows', async () => {
    const response = await t.login('tess');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    // curl -d sends a form with no explicit Content-Type header of its own choosing: the same parser.
    const token = (response.body as { access_token: string }).access_token;
    expect(token.split('.')).toHaveLength(3);
  });

  it('answers a wrong password with 401 {detail} and records the failure without the password', async () => {
    const response = await t.login('tess', 'wrong password');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Incorrect username or password' });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const events = await t.call('GET', '/api/v1/events?kind=session.login_failed', {
      auth: t.adminKey,
    });
    expect(events.status, events.text).toBe(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      kind: 'session.login_failed',
      ip: '127.0.0.1',
      details: { user: 'tess', ip: '127.0.0.1', reason: 'refused' },
    });
    expect(events.text).not.toContain('wrong password');
  });

  it('refuses a missing, malformed or logged-out token with 401 {detail}', async () => {
    expect((await t.call('GET', '/users/logout')).status).toBe(401);
    const bad = await t.call('GET', '/users/logout', { auth: 'not.a.token' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: 'Could not validate credentials' });
    // An allot API key is not a TDMP credential.
    expect((await t.call('GET', '/users/logout', { auth: t.adminKey })).status).toBe(401);

    const token = await t.tokenOf('tess');
    const out = await t.call('GET', '/users/logout', { auth: token });
    expect(out.status, out.text).toBe(200);
    expect((await t.call('GET', '/users/logout', { auth: token })).status).toBe(401);
  });

  it('answers a body that does not match with 422 naming the field', async () => {
    const response = await t.call('POST', '/users/token', { body: { username: 'tess' } });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContain('body.password');
  });

  it('leaves allot routes and their error shape alone', async () => {
    const health = await t.call('GET', '/healthz');
    expect(health.status).toBe(200);
    const unknown = await t.call('GET', '/api/v1/pools');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('UNAUTHORIZED');
  });
});
