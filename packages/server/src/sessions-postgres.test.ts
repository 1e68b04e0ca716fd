import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './start-server.js';
import { httpCaller } from './testing/http-caller.js';
import { testPostgresUrl } from './testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('sessions across replicas');
const PASSWORD = 'correct horse battery';

describe('sessions across two replicas on PostgreSQL', () => {
  const schema = `allot_sessions_${randomBytes(5).toString('hex')}`;
  const storeSpec = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;

  afterAll(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('a token from one replica works on the other, a logout on either ends it on both, and failed logins count on both', async () => {
    const options = {
      storeSpec,
      port: 0,
      logLevel: 'silent' as const,
      handleSignals: false,
      print: () => undefined,
      rateLimit: false as const,
      loginThrottle: { maxPerUser: 3 },
    };
    // No secret given: the replicas must agree on the one kept in the store.
    const a = await startServer(options);
    const b = await startServer(options);
    try {
      const admin = a.adminKey ?? '';
      const callA = httpCaller(a.url);
      const callB = httpCaller(b.url);
      await callA('POST', '/api/v1/users', {
        auth: admin,
        body: { id: 'pat', name: 'Pat', email: 'pat@example.test', role: 'manager' },
      });
      const invited = await callA('POST', '/api/v1/users/pat/invitation', {
        auth: admin,
        body: {},
      });
      // Used on both replicas at once: exactly one use wins.
      const use = { body: { password: PASSWORD } };
      const uses = await Promise.all([
        callA('POST', `/api/v1/invitations/${invited.body.token}`, use),
        callB('POST', `/api/v1/invitations/${invited.body.token}`, use),
      ]);
      expect(uses.map((u) => u.status).sort()).toEqual([200, 410]);

      const login = await callA('POST', '/api/v1/sessions', {
        body: { user: 'pat', password: PASSWORD },
      });
      expect(login.status, login.text).toBe(201);
      const jwt = login.body.token as string;
      expect((await callB('GET', '/api/v1/whoami', { auth: jwt })).body).toMatchObject({
        role: 'manager',
        actor: 'user:pat',
      });

      expect((await callB('DELETE', '/api/v1/sessions/current', { auth: jwt })).status).toBe(204);
      expect((await callA('GET', '/api/v1/whoami', { auth: jwt })).status).toBe(401);
      expect((await callB('GET', '/api/v1/whoami', { auth: jwt })).status).toBe(401);
      const second = await callB('POST', '/api/v1/sessions', {
        body: { user: 'pat', password: PASSWORD },
      });
      expect((await callA('GET', '/api/v1/whoami', { auth: second.body.token })).status).toBe(200);

      // Failures on A and B add up to the limit of 3 for the user.
      const wrong = { body: { user: 'pat', password: 'wrong password' } };
      expect((await callA('POST', '/api/v1/sessions', wrong)).status).toBe(401);
      expect((await callB('POST', '/api/v1/sessions', wrong)).status).toBe(401);
      expect((await callA('POST', '/api/v1/sessions', wrong)).status).toBe(401);
      const blocked = await callB('POST', '/api/v1/sessions', {
        body: { user: 'pat', password: PASSWORD },
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const stored = await client.query(
          `SELECT password FROM "${schema}".users WHERE id = 'pat'`,
        );
        expect(stored.rows[0].password).toMatchObject({ algorithm: 'scrypt', cost: 32768 });
        expect(JSON.stringify(stored.rows)).not.toContain(PASSWORD);
      } finally {
        await client.end();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
