import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './start-server.js';
import { CUSTOMER_CONSTRAINTS, CUSTOMER_SCHEMA } from './testing/synth-fixtures.js';
import { testPostgresUrl } from './testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('synthetic datasets across replicas');

describe('a dataset queued on one PostgreSQL replica, generated and served by another', () => {
  const schema = `allot_synth_${randomBytes(5).toString('hex')}`;
  const store = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const servers: RunningServer[] = [];

  afterAll(async () => {
    for (const server of servers) await server.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('polls and downloads the same bytes from both replicas, pieces stored as rows of the catalogue', async () => {
    const common = {
      storeSpec: store,
      port: 0,
      logLevel: 'silent' as const,
      rateLimit: false as const,
      handleSignals: false,
      print: () => undefined,
      postgresQueue: { pollingIntervalSeconds: 0.5 },
      datasetPieceBytes: 512 * 1024,
    };
    // A only queues: it runs no queued work, so B must generate.
    const a = await startServer({ ...common, runQueue: false });
    servers.push(a);
    const b = await startServer(common);
    servers.push(b);
    const key = a.adminKey!;
    const call = async (server: RunningServer, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, text, json: () => JSON.parse(text) };
    };

    const project = (await call(a, 'POST', '/projects', { name: 'replicas' })).json().id as number;
    const uploaded = await call(a, 'POST', `/projects/${project}/schemas`, {
      name: 'customers',
      source: CUSTOMER_SCHEMA,
    });
    expect(uploaded.status).toBe(201);
    const set = await call(a, 'POST', `/projects/${project}/constraint-sets`, {
      schema: uploaded.json().id,
      name: 'weighted',
      constraints: CUSTOMER_CONSTRAINTS,
    });
    expect(set.status).toBe(201);
    // 20,000 customers in CSV: 1.4 MB, several pieces of 512 KiB (not the default 4 MiB).
    const created = await call(a, 'POST', `/projects/${project}/synthetic-datasets`, {
      name: 'big',
      schema: uploaded.json().id,
      constraintSet: set.json().id,
      recordCount: 20_000,
      formats: ['csv'],
      params: { seed: 42 },
    });
    expect(created.status).toBe(202);
    const id = created.json().id as number;

    let status = 'queued';
    for (let i = 0; i < 600 && status !== 'completed' && status !== 'failed'; i++) {
      const read = await call(a, 'GET', `/projects/${project}/synthetic-datasets/${id}`);
      status = read.json().status as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe('completed');

    const fromA = await call(
      a,
      'GET',
      `/projects/${project}/synthetic-datasets/${id}/data?format=csv`,
    );
    const fromB = await call(
      b,
      'GET',
      `/projects/${project}/synthetic-datasets/${id}/data?format=csv`,
    );
    expect(fromA.status).toBe(200);
    expect(fromA.text).toBe(fromB.text);
    expect(fromA.text.trim().split('\r\n')).toHaveLength(20_001);
    const dataset = (await call(b, 'GET', `/projects/${project}/synthetic-datasets/${id}`)).json();
    expect(createHash('sha256').update(fromA.text).digest('hex')).toBe(dataset.files[0].sha256);

    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const jobs = await client.query(
        `SELECT worker FROM "${schema}".queued_jobs WHERE kind = 'dataset-generation'`,
      );
      expect(jobs.rows).toHaveLength(1);
      const pieces = await client.query(
        `SELECT count(*)::int AS n FROM "${schema}".catalogue WHERE kind = 'dataset-chunk'`,
      );
      expect(pieces.rows[0].n).toBe(dataset.files[0].chunks);
      expect(dataset.files[0].chunks).toBeGreaterThan(1);
    } finally {
      await client.end();
    }
  });
});
