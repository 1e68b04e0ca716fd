import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTdmpServer, type TdmpTestServer } from '../../testing/tdmp-test-server.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('TDMP avatars: POST /settings/avatar and GET /users/{user_id}/avatar', () => {
  let t: TdmpTestServer;
  const tokens: Record<string, string> = {};
  const upload = (user: string | undefined, bytes: Buffer, type = 'image/png') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), 'me.png');
    return fetch(`${t.url}/settings/avatar`, {
      method: 'POST',
      headers: user === undefined ? {} : { authorization: `Bearer ${tokens[user]}` },
      body: form,
    });
  };

  beforeAll(async () => {
    t = await startTdmpServer();
    await t.userWithPassword('tess', 'tester');
    await t.userWithPassword('mia', 'manager');
    for (const user of ['tess', 'mia']) tokens[user] = await t.tokenOf(user);
  });
  afterAll(() => t.close());

  it('stores an image and serves it back to the tenant, with its type read from its bytes', async () => {
    expect((await t.call('GET', '/settings', { auth: tokens['tess'] })).body.avatar_url).toBeNull();
    const stored = await upload('tess', PNG, 'application/octet-stream');
    expect(stored.status, await stored.clone().text()).toBe(200);
    expect(await stored.json()).toEqual({
      detail: 'Avatar updated',
      avatar_url: '/users/tess/avatar',
      content_type: 'image/png',
      size: PNG.length,
    });
    expect((await t.call('GET', '/settings', { auth: tokens['tess'] })).body.avatar_url).toBe(
      '/users/tess/avatar',
    );
    const served = await fetch(`${t.url}/users/tess/avatar`, {
      headers: { authorization: `Bearer ${tokens['mia']}` },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${t.url}/users/tess/avatar`)).status).toBe(401);
  });

  it('refuses what is not an image, too large a file and a body without one, and finds no avatar where none is', async () => {
    const svg = await upload(
      'mia',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/png',
    );
    expect(svg.status).toBe(422);
    expect(((await svg.json()) as { detail: string }).detail).toContain('body.file');
    const large = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(1024 * 1024)]);
    expect((await upload('mia', large)).status).toBe(413);
    const json = await t.call('POST', '/settings/avatar', { auth: tokens['mia'], body: {} });
    expect(json.status).toBe(422);
    expect(json.body.detail).toContain('body.file');
    expect((await upload(undefined, PNG)).status).toBe(401);
    expect((await t.call('GET', '/users/mia/avatar', { auth: tokens['tess'] })).status).toBe(404);
    expect((await t.call('GET', '/users/nobody/avatar', { auth: tokens['tess'] })).status).toBe(
      404,
    );
  });
});
