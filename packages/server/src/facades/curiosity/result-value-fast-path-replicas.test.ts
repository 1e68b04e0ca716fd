import { randomBytes } from 'node:crypto';
import type { Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contextOf } from '../../app-context.js';
import { parseKey } from '../../auth/api-key.js';
import { createWorkspaceWithAdminKey } from '../../bootstrap-workspace.js';
import { buildApp, type AllotApp } from '../../build-app.js';
import { CUSTOMERS_CSV, samplePool } from '../../testing/test-app.js';
import { testPostgresUrl } from '../../testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('result/value read early across replicas');

interface Replica {
  app: AllotApp;
  store: Store;
  url: string;
}

/**
 * Two replicas on one PostgreSQL database: what one changes (a key revoked,
 * a new job) is seen by the other's early `result/value` answers on the
 * very next request, since both the key record and the result are read per
 * request.
 */
describe('result/value answered before routing, across replicas', () => {
  const schema = `allot_early_${randomBytes(5).toString('hex')}`;
  const path = `/api/apikey/KEY/allocation-pool/shop/suite/checkout/allocated-test/${encodeURIComponent('gold & rich / 100%')}/result/value`;
  let a: Replica;
  let b: Replica;
  let admin = '';

  async function replica(): Promise<Replica> {
    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    const app = await buildApp({ store, logLevel: 'silent', rateLimit: false, syncWaitMs: 5000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { app, store, url: `http://127.0.0.1:${port}` };
  }

  const call = (on: Replica, method: string, url: string, body?: string, type?: string) =>
    fetch(`${on.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(type ? { 'content-type': type } : {}) },
      ...(body === undefined ? {} : { body }),
    });
  const read = async (on: Replica, key: string) => {
    const response = await fetch(`${on.url}${path.replace('KEY', key)}`);
    return { status: response.status, body: (await response.json()) as { email?: string } };
  };
  const answered = (on: Replica) => contextOf(on.app).resultValueFastPath.answered;
  const allocate = async (on: Replica) => {
    const job = await call(
      on,
      'POST',
      '/api/v1/jobs',
      JSON.stringify({
        tests: [{ pool: 'shop', suite: 'checkout', test: 'gold & rich / 100%' }],
        refresh: true,
        waitMs: 5000,
      }),
      'application/json',
    );
    expect(((await job.json()) as { state: string }).state).toBe('complete');
  };
  const viewerKey = async () => {
    const created = await call(
      b,
      'POST',
      '/api/v1/keys',
      JSON.stringify({ name: 'reader', role: 'viewer' }),
      'application/json',
    );
    return ((await created.json()) as { key: string }).key;
  };

  beforeAll(async () => {
    a = await replica();
    b = await replica();
    ({ adminKey: admin } = await createWorkspaceWithAdminKey(a.store, { id: 'early' }));
    const upload = await call(a, 'POST', '/api/v1/blocks/customers?keyColumn=id', CUSTOMERS_CSV);
    expect(upload.status).toBeLessThan(300);
    const pool = await call(
      a,
      'PUT',
      '/api/v1/pools/shop',
      JSON.stringify(samplePool()),
      'application/json',
    );
    expect(pool.status).toBeLessThan(300);
    await allocate(a);
  }, 60_000);
  afterAll(async () => {
    for (const r of [a, b]) {
      await r?.app.close();
      await r?.store.close();
    }
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  test('a key revoked on one replica is refused by the other on the next request', async () => {
    const key = await viewerKey();
    expect((await read(a, key)).status).toBe(200);
    const before = answered(a);
    expect((await read(a, key)).status).toBe(200);
    expect(answered(a)).toBe(before + 1);
    const revoked = await call(b, 'DELETE', `/api/v1/keys/${parseKey(key)!.id}`);
    expect(revoked.status).toBe(200);
    expect((await read(a, key)).status).toBe(401);
  });

  test("a job run on one replica is read by the other's next early answer", async () => {
    const key = await viewerKey();
    await read(a, key);
    const first = (await read(a, key)).body.email;
    const moved = await call(
      b,
      'POST',
      '/api/v1/blocks/customers?keyColumn=id',
      CUSTOMERS_CSV.replaceAll('@example.test', '@moved.test'),
      'text/csv',
    );
    expect(moved.status).toBeLessThan(300);
    await allocate(b);
    const before = answered(a);
    const next = (await read(a, key)).body.email;
    expect(answered(a)).toBe(before + 1);
    expect(first).toMatch(/@example\.test$/);
    expect(next).toMatch(/@moved\.test$/);
  });
});
