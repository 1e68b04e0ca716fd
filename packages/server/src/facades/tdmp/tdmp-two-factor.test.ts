import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../../testing/test-postgres-url.js';
import { startTdmpServer, type TdmpTestServer } from '../../testing/tdmp-test-server.js';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), written out here so the test does not trust the server's library. */
function totp(base32: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32.replace(/=+$/, ''))
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Waits into a fresh 30 s step when the current one is nearly over, so codes stay in their window. */
async function freshStep(): Promise<number> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
  return Date.now();
}

const STORES = ['embedded', 'postgres'] as const;

describe.each(STORES)('TDMP two-factor authentication (%s store)', (kind) => {
  let t: TdmpTestServer;
  let schema: string | undefined;
  const tokens: Record<string, string> = {};
  const post = (user: string, path: string, body?: unknown) =>
    t.call('POST', path, { auth: tokens[user], ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    let storeSpec: string | undefined;
    if (kind === 'postgres') {
      const url = testPostgresUrl('two-factor on PostgreSQL');
      schema = `allot_2fa_${randomBytes(5).toString('hex')}`;
      storeSpec = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
    }
    t = await startTdmpServer(storeSpec === undefined ? {} : { storeSpec });
    await t.userWithPassword('tess', 'tester');
    await t.userWithPassword('mia', 'manager');
    await t.userWithPassword('adam', 'admin');
    for (const user of ['tess', 'mia', 'adam']) tokens[user] = await t.tokenOf(user);
  });
  afterAll(async () => {
    await t?.close();
    if (schema !== undefined) {
      const client = new pg.Client({ connectionString: testPostgresUrl('two-factor') });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('enables with a confirmed code, then the login asks for a code once per step', async () => {
    expect((await t.call('GET', '/settings', { auth: tokens['tess'] })).body).toMatchObject({
      two_factor_enabled: false,
    });
    const started = await post('tess', '/settings/enable_2fa');
    expect(started.status, started.text).toBe(200);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauth_url).toMatch(
      new RegExp(`^otpauth://totp/allot:tess%40example\\.test\\?.*secret=${secret}`),
    );
    expect(started.body.two_factor_enabled).toBe(false);
    // Pending until confirmed: the login does not ask yet.
    expect((await t.login('tess')).status).toBe(200);

    const now = await freshStep();
    const wrong = await post('tess', '/settings/enable_2fa', {
      code: totp(secret, now) === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toContain('code');
    const confirmed = await post('tess', '/settings/enable_2fa', {
      code: totp(secret, now - 30_000),
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.two_factor_enabled).toBe(true);
    const settings = await t.call('GET', '/settings', { auth: tokens['tess'] });
    expect(settings.body.two_factor_enabled).toBe(true);
    expect(settings.text).not.toContain(secret);
    expect((await t.call('GET', '/users/me', { auth: tokens['tess'] })).text).not.toContain(secret);
    // Once enabled, asking again answers no new secret.
    const again = await post('tess', '/settings/enable_2fa');
    expect(again.status).toBe(409);
    expect(again.text).not.toContain(secret);

    const missing = await t.login('tess');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: 'Two-factor code required' });
    const bad = await t.login('tess', undefined, {
      otp: totp(secret, now) === '123456' ? '654321' : '123456',
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: 'Incorrect two-factor code' });
    const good = await t.login('tess', undefined, { otp: totp(secret, now) });
    expect(good.status, good.text).toBe(200);
    expect(good.body.token_type).toBe('bearer');
    // The same code again is refused: a code seen once cannot log in twice.
    expect((await t.login('tess', undefined, { otp: totp(secret, now) })).status).toBe(401);
    // The password still comes first: a right code with a wrong password is the usual refusal.
    const wrongPassword = await t.login('tess', 'not the password', {
      otp: totp(secret, now + 30_000),
    });
    expect(wrongPassword.body).toEqual({ detail: 'Incorrect username or password' });

    const audit = await t.call('GET', '/audit/logs?action=session.login_failed&limit=1000', {
      auth: tokens['adam'],
    });
    expect(audit.status, audit.text).toBe(200);
    const reasons = (audit.body as Array<{ details: { user: string; reason: string } }>)
      .filter((e) => e.details.user === 'tess')
      .map((e) => e.details.reason)
      .sort();
    expect(reasons).toEqual(['otp_invalid', 'otp_invalid', 'otp_required', 'refused']);
    expect(audit.text).not.toContain(secret);

    if (schema !== undefined) {
      const client = new pg.Client({ connectionString: testPostgresUrl('two-factor') });
      await client.connect();
      const row = await client.query<{ two_factor: { secret: string; enabledAt: string } }>(
        `SELECT two_factor FROM "${schema}".users WHERE id = 'tess'`,
      );
      await client.end();
      expect(row.rows[0]!.two_factor.enabledAt).toMatch(/^\d{4}-/);
      // Stored sealed: the secret is not in the row, in any encoding the test can think of.
      expect(JSON.stringify(row.rows[0])).not.toContain(secret);
      expect(row.rows[0]!.two_factor.secret).toMatch(/^v1\./);
    }
  });

  it('works the same on /api/v1/sessions with `otp`, and disabling needs a current code', async () => {
    const secret = (await post('mia', '/settings/enable_2fa')).body.secret as string;
    const now = await freshStep();
    expect(
      (await post('mia', '/settings/enable_2fa', { code: totp(secret, now - 30_000) })).status,
    ).toBe(200);
    const v1 = (body: object) =>
      t.call('POST', '/api/v1/sessions', {
        body: { user: 'mia', password: 'correct horse battery', ...body },
      });
    const missing = await v1({});
    expect(missing.status).toBe(401);
    expect(missing.body.message).toContain('otp');
    const badShape = await v1({ otp: '12ab56' });
    expect(badShape.status).toBe(400);
    expect(badShape.body.field).toContain('otp');
    const good = await v1({ otp: totp(secret, now) });
    expect(good.status, good.text).toBe(201);
    expect(good.body.user).toBe('mia');

    const noCode = await post('mia', '/settings/disable_2fa');
    expect(noCode.status).toBe(400);
    expect(noCode.body.detail).toContain('code');
    const disabled = await post('mia', '/settings/disable_2fa', {
      code: totp(secret, now + 30_000),
    });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body.two_factor_enabled).toBe(false);
    expect((await v1({})).status).toBe(201);
    expect((await t.login('mia')).status).toBe(200);
    expect((await post('mia', '/settings/disable_2fa')).status).toBe(400);
  });
});
