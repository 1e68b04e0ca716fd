import { randomBytes } from 'node:crypto';
import { executeJob, type ExecuteOptions, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../app-context.js';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { buildApp, type AllotApp } from '../build-app.js';
import type { ResolutionServer } from '../resolution/resolution-servers.js';
import { CUSTOMERS_CSV, samplePool } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('job states across replicas');

/** The built-in engine, held until the test lets it go: the job runs as long as the test wants. */
function gatedServer(): ResolutionServer & { open(): void } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    name: 'gated',
    description: 'the engine, behind a gate',
    open: () => open(),
    execute: async (store: Store, options: ExecuteOptions) => {
      await gate;
      return executeJob(store, options);
    },
  };
}

interface Replica {
  app: AllotApp;
  store: Store;
  url: string;
}

describe('a running job seen from another replica', () => {
  const schema = `allot_states_${randomBytes(5).toString('hex')}`;
  const gated = gatedServer();
  let a: Replica;
  let b: Replica;
  let key = '';

  /** A replica: its own store (pool of connections) and app on one database, listening. */
  async function replica(servers: ResolutionServer[]): Promise<Replica> {
    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 4 });
    const app = await buildApp({
      store,
      logLevel: 'silent',
      rateLimit: false,
      syncWaitMs: 0,
      servers,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { app, store, url: `http://127.0.0.1:${port}` };
  }

  const call = async (on: Replica, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${on.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    a = await replica([gated]);
    b = await replica([]);
    ({ adminKey: key } = await createWorkspaceWithAdminKey(a.store, { id: 'states' }));
    const block = await fetch(`${a.url}/api/v1/blocks/customers?keyColumn=id`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: CUSTOMERS_CSV,
    });
    expect(block.status).toBeLessThan(300);
    expect((await call(a, 'PUT', '/api/v1/pools/shop', samplePool())).status).toBeLessThan(300);
  });

  afterAll(async () => {
    gated.open();
    for (const r of [a, b]) {
      await r?.app.close();
      await r?.store.close();
    }
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('reads the state, progress and outcome of a job replica A runs, from replica B', async () => {
    const bundle = [{ allocationTestName: 'locked user', poolName: 'shop', suiteName: 'account' }];
    const executed = await call(
      a,
      'POST',
      `/api/apikey/${key}/allocation-pool/shop/resolve/server/gated/execute`,
      bundle,
    );
    expect(executed.json).toMatchObject({ jobState: 'InProgress' });
    const id = executed.json['id'] as number;

    // Before job states lived in the store, B answered 404 here until A committed.
    const onB = await call(b, 'GET', `/api/apikey/${key}/job/${id}`);
    expect(onB.status).toBe(200);
    expect(onB.json).toMatchObject({
      id,
      jobState: 'InProgress',
      jobType: 'DataGenerationJob',
      createdUser: 'admin (created with the workspace)',
    });
    const status = await call(b, 'GET', `/api/v1/jobs/${id}`);
    expect(status.json).toMatchObject({ id, state: 'running', server: 'gated', answeredBy: null });

    gated.open();
    // A runs the job: wait for it there, then read its outcome from B's store.
    await contextOf(a.app).runner.drain();
    const polled = await call(b, 'GET', `/api/apikey/${key}/job/${id}`);
    expect(polled.json).toMatchObject({ id, jobState: 'Complete', noPasses: 1, noFailures: 0 });
    const value = await call(
      b,
      'GET',
      `/api/apikey/${key}/allocation-pool/shop/suite/account/allocated-test/locked%20user/result/value`,
    );
    expect(value.json).toEqual({ id: 'C-4', status: 'locked' });
  });

  it('resolves, from replica B, a job that replica A answered with an earlier live job', async () => {
    const again = await call(a, 'POST', '/api/v1/jobs', {
      tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }],
      server: 'gated',
      waitMs: 10_000,
    });
    expect(again.status).toBe(200);
    const alias = again.json['id'] as number;
    const answeredBy = again.json['answeredBy'] as number;
    expect(answeredBy).not.toBe(alias);
    const onB = await call(b, 'GET', `/api/v1/jobs/${alias}`);
    expect(onB.status).toBe(200);
    expect(onB.json).toMatchObject({ id: alias, answeredBy, state: 'complete', allocated: 1 });
    expect(await call(b, 'GET', `/api/apikey/${key}/job/${alias}`)).toMatchObject({
      status: 200,
      json: { id: answeredBy, jobState: 'Complete' },
    });
  });
});
