import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contextOf } from '../app-context.js';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { startServer, type RunningServer } from '../start-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import {
  ACCOUNT_CONSTRAINTS,
  ACCOUNT_XSD,
  CUSTOMER_CONSTRAINTS,
  CUSTOMER_SCHEMA,
} from '../testing/synth-fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A response body as JSON, null when it is none (a downloaded CSV, say). */
function parse(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

describe('schemas, constraint sets and datasets over HTTP (embedded store, real port)', () => {
  let dir: string;
  let server: RunningServer;
  let admin: string;
  let tester: string;
  let viewer: string;
  let receiver: WebhookReceiver;

  async function call(key: string, method: Method, path: string, body?: unknown) {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: parse(text), text, headers: response.headers };
  }

  async function keyFor(role: string): Promise<string> {
    const created = await call(admin, 'POST', '/keys', { name: role, role });
    expect(created.status).toBe(201);
    return created.body.key as string;
  }

  /** Polls a dataset as a CI script would, until it is completed or failed. */
  async function settle(project: number, id: number) {
    for (let i = 0; i < 400; i++) {
      const read = await call(viewer, 'GET', `/projects/${project}/synthetic-datasets/${id}`);
      expect(read.status).toBe(200);
      if (read.body.status === 'completed' || read.body.status === 'failed') return read.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`dataset ${id} did not finish`);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-synth-'));
    server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      rateLimit: false,
      print: () => undefined,
      allowPrivateWebhooks: true,
    });
    admin = server.adminKey!;
    receiver = await startWebhookReceiver();
    const hook = await call(admin, 'POST', '/webhooks', {
      url: receiver.url,
      events: ['schema.uploaded', 'dataset.completed', 'dataset.failed'],
    });
    expect(hook.status, hook.text).toBe(201);
    receiver.setSecret(hook.body.secret as string);
    tester = await keyFor('tester');
    viewer = await keyFor('viewer');
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function project(name: string): Promise<number> {
    const created = await call(admin, 'POST', '/projects', { name });
    expect(created.status).toBe(201);
    return created.body.id as number;
  }

  test('creates a dataset of two entities, polls it, downloads its files and finds its rows as blocks', async () => {
    const p = await project('shop');
    const customers = await call(tester, 'POST', `/projects/${p}/schemas`, {
      name: 'customers',
      source: CUSTOMER_SCHEMA,
    });
    expect(customers.status).toBe(201);
    expect(customers.body).toMatchObject({ format: 'json-schema', recordName: 'customers' });
    const accounts = await call(tester, 'POST', `/projects/${p}/schemas`, {
      name: 'accounts',
      source: ACCOUNT_XSD,
    });
    expect(accounts.status).toBe(201);
    expect(accounts.body.format).toBe('xsd');

    const repr = await call(viewer, 'GET', `/projects/${p}/schemas/${accounts.body.id}/repr`);
    expect(repr.body.fields.map((f: { path: string }) => f.path)).toEqual([
      'number',
      'customer',
      'balance',
    ]);

    const customerSet = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: customers.body.id,
      name: 'weighted',
      constraints: CUSTOMER_CONSTRAINTS,
    });
    expect(customerSet.status).toBe(201);
    expect(customerSet.body.constraints.rules).toEqual([
      { field: 'until', op: '>=', other: 'since' },
    ]);
    const accountSet = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: accounts.body.id,
      name: 'keyed',
      constraints: ACCOUNT_CONSTRAINTS,
    });
    expect(accountSet.status).toBe(201);

    const body = {
      name: 'CI Build #1',
      schema: accounts.body.id,
      constraintSet: accountSet.body.id,
      recordCount: 250,
      entities: [
        { schema: customers.body.id, constraintSet: customerSet.body.id, recordCount: 40 },
      ],
      formats: ['csv', 'json', 'sql'],
      params: { seed: 'golden', batchSize: 64, fileSplit: 100, block: 'synth-shop' },
    };
    const created = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, body);
    expect(created.status).toBe(202);
    expect(created.body.status).toBe('queued');
    const done = await settle(p, created.body.id);
    expect(done.status).toBe('completed');
    expect(done.error).toBeNull();
    // customers first (accounts reference them): 40 in one file, 250 accounts in three.
    const csv = done.files.filter((f: { format: string }) => f.format === 'csv');
    expect(csv.map((f: { name: string; records: number }) => [f.name, f.records])).toEqual([
      ['customers-1.csv', 40],
      ['accounts-1.csv', 100],
      ['accounts-2.csv', 100],
      ['accounts-3.csv', 50],
    ]);

    const customerCsv = await call(
      viewer,
      'GET',
      `/projects/${p}/synthetic-datasets/${done.id}/data?format=csv&fileIndex=0`,
    );
    expect(customerCsv.status).toBe(200);
    expect(customerCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = customerCsv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,email,status,since,until');
    expect(lines).toHaveLength(41);
    const ids = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect(ids.size).toBe(40);
    expect(createHash('sha256').update(customerCsv.text).digest('hex')).toBe(csv[0].sha256);

    const accountJson = [];
    for (const index of [1, 2, 3]) {
      const part = await call(
        viewer,
        'GET',
        `/projects/${p}/synthetic-datasets/${done.id}/data?format=json&fileIndex=${index}`,
      );
      expect(part.status).toBe(200);
      accountJson.push(...(part.body as { customer: number; number: string }[]));
    }
    expect(accountJson).toHaveLength(250);
    expect(accountJson.filter((a) => !ids.has(String(a.customer)))).toEqual([]);
    expect(new Set(accountJson.map((a) => a.number)).size).toBe(250);
    for (const a of accountJson) expect(a.number).toMatch(/^AC-\d{8}$/);

    const sql = await call(
      viewer,
      'GET',
      `/projects/${p}/synthetic-datasets/${done.id}/data?format=sql&fileIndex=1`,
    );
    expect(sql.text).toMatch(/CREATE TABLE "accounts"/);
    const sql2 = await call(
      viewer,
      'GET',
      `/projects/${p}/synthetic-datasets/${done.id}/data?format=sql&fileIndex=2`,
    );
    expect(sql2.text).not.toMatch(/CREATE TABLE/);
    expect(sql2.text).toMatch(/INSERT INTO "accounts"/);

    // The rows are block versions a pool allocates from.
    expect(done.blocks.map((b: { block: string; rows: number }) => [b.block, b.rows])).toEqual([
      ['synth-shop.customers', 40],
      ['synth-shop.accounts', 250],
    ]);
    const pool = await call(admin, 'PUT', '/pools/synth', {
      pool: 'synth',
      key: 'id',
      blocks: ['synth-shop.customers'],
      tests: [{ suite: 's', test: 'locked customer', find: { where: { status: 'locked' } } }],
    });
    expect(pool.status).toBeLessThan(300);
    const job = await call(admin, 'POST', '/jobs', {
      tests: [{ pool: 'synth', suite: 's', test: 'locked customer' }],
      waitMs: 10_000,
    });
    expect(job.status).toBeLessThan(300);
    const result = await call(admin, 'GET', '/pools/synth/suites/s/tests/locked%20customer/result');
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toMatch(/locked/);

    // The same seed gives the same bytes: a second dataset with the same body.
    const again = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, {
      ...body,
      name: 'CI Build #2',
    });
    const second = await settle(p, again.body.id);
    expect(second.files.map((f: { sha256: string }) => f.sha256)).toEqual(
      done.files.map((f: { sha256: string }) => f.sha256),
    );
    expect(second.blocks[0].version).not.toBe(done.blocks[0].version);

    // Events: schema.uploaded twice, dataset.completed twice. The worker appends a dataset's event
    // just after writing its status, so a poll can see `completed` a moment before the event.
    const kindsNow = async () =>
      ((await call(admin, 'GET', '/events?limit=100')).body.items as { kind: string }[]).map(
        (e) => e.kind,
      );
    await expect
      .poll(async () => (await kindsNow()).filter((k) => k === 'dataset.completed').length, {
        timeout: 10_000,
      })
      .toBe(2);
    const kinds = await kindsNow();
    expect(kinds.filter((k) => k === 'schema.uploaded')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'dataset.completed')).toHaveLength(2);

    // Webhooks subscribed to them get them, signed.
    const deliveries = await receiver.waitFor(4, 20_000);
    const delivered = deliveries.map(
      (d) => JSON.parse(d.body) as { kind: string; subject: string },
    );
    expect(deliveries.every((d) => d.verdict === 'ok')).toBe(true);
    expect(delivered.filter((d) => d.kind === 'dataset.completed').map((d) => d.subject)).toEqual(
      expect.arrayContaining([`synthetic-dataset:${done.id}`, `synthetic-dataset:${second.id}`]),
    );
    expect(delivered.filter((d) => d.kind === 'schema.uploaded')).toHaveLength(2);

    const list = await call(viewer, 'GET', `/projects/${p}/synthetic-datasets?limit=1`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.links.next).not.toBeNull();

    // Another workspace sees none of it, not even with its own project of the same number.
    const other = await createWorkspaceWithAdminKey(contextOf(server.app).store, { id: 'other' });
    const theirs = await call(other.adminKey, 'POST', '/projects', { name: 'shop' });
    expect(theirs.body.id).toBe(p);
    for (const path of [
      `/projects/${p}/synthetic-datasets/${done.id}`,
      `/projects/${p}/synthetic-datasets/${done.id}/data?format=csv`,
      `/projects/${p}/schemas/${customers.body.id}`,
      `/projects/${p}/constraint-sets/${customerSet.body.id}`,
    ]) {
      expect((await call(other.adminKey, 'GET', path)).status, path).toBe(404);
    }
    expect(
      (await call(other.adminKey, 'GET', `/projects/${p}/synthetic-datasets`)).body.items,
    ).toEqual([]);
    expect(
      (await call(other.adminKey, 'DELETE', `/projects/${p}/synthetic-datasets/${done.id}`)).status,
    ).toBe(404);

    // Deleting needs the admin role; then the dataset and its files are gone.
    expect(
      (await call(tester, 'DELETE', `/projects/${p}/synthetic-datasets/${done.id}`)).status,
    ).toBe(403);
    expect(
      (await call(admin, 'DELETE', `/projects/${p}/synthetic-datasets/${done.id}`)).status,
    ).toBe(204);
    expect((await call(viewer, 'GET', `/projects/${p}/synthetic-datasets/${done.id}`)).status).toBe(
      404,
    );
    expect(
      (await call(viewer, 'GET', `/projects/${p}/synthetic-datasets/${done.id}/data?format=csv`))
        .status,
    ).toBe(404);
  });

  test('refuses what cannot be generated, naming it, and stores nothing', async () => {
    const p = await project('refusals');
    const unsupported = await call(tester, 'POST', `/projects/${p}/schemas`, {
      name: 'bad',
      source: { type: 'object', properties: { a: { type: 'string', not: { const: 'x' } } } },
    });
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.message).toMatch(/keyword "not"/);
    expect(unsupported.body.message).toMatch(/\ba\b/);
    const schemas = await call(viewer, 'GET', `/projects/${p}/schemas`);
    expect(schemas.body.items).toEqual([]);

    const noName = await call(tester, 'POST', `/projects/${p}/schemas`, {
      source: CUSTOMER_SCHEMA,
    });
    expect(noName.status).toBe(400);
    expect(noName.body.field).toMatch(/name/);
    expect(
      (await call(viewer, 'POST', `/projects/${p}/schemas`, { name: 'x', source: CUSTOMER_SCHEMA }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(tester, 'POST', `/projects/999999/schemas`, {
          name: 'x',
          source: CUSTOMER_SCHEMA,
        })
      ).status,
    ).toBe(404);

    const schema = await call(tester, 'POST', `/projects/${p}/schemas`, {
      name: 'c',
      source: CUSTOMER_SCHEMA,
    });
    const badPath = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: schema.body.id,
      name: 'bad',
      constraints: { fields: { 'address.city': { unique: true } } },
    });
    expect(badPath.status).toBe(422);
    expect(badPath.body.message).toMatch(/address\.city/);
    const badRule = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: schema.body.id,
      name: 'bad',
      constraints: { rules: ['until >= email'] },
    });
    expect(badRule.status).toBe(422);
    const unknownKey = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: schema.body.id,
      name: 'bad',
      constraints: { fields: { id: { uniq: true } } },
    });
    expect(unknownKey.status).toBe(422);
    expect(unknownKey.body.message).toMatch(/id: unknown constraint "uniq"/);
    expect((await call(viewer, 'GET', `/projects/${p}/constraint-sets`)).body.items).toEqual([]);

    // Another project's schema is unknown here.
    const other = await project('other');
    expect((await call(viewer, 'GET', `/projects/${other}/schemas/${schema.body.id}`)).status).toBe(
      404,
    );

    const badFormat = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, {
      name: 'd',
      schema: schema.body.id,
      recordCount: 10,
      formats: ['yaml'],
    });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.field).toMatch(/formats/);
    const badLocale = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, {
      name: 'd',
      schema: schema.body.id,
      recordCount: 10,
      params: { locale: 'xx_YY' },
    });
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.field).toBe('locale');
    const plain = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, {
      name: 'd',
      schema: schema.body.id,
      recordCount: 10,
      constraintSet: null,
      params: {},
      entities: [],
    });
    expect(plain.status).toBe(202);
    // A conflict found only while generating: 3 records with a unique status of 2 values.
    const set = await call(tester, 'POST', `/projects/${p}/constraint-sets`, {
      schema: schema.body.id,
      name: 'too few',
      constraints: { fields: { status: { enum: ['active', 'locked'], unique: true } } },
    });
    expect(set.status).toBe(201);
    const conflict = await call(tester, 'POST', `/projects/${p}/synthetic-datasets`, {
      name: 'd',
      schema: schema.body.id,
      constraintSet: set.body.id,
      recordCount: 3,
    });
    // Only generation finds it: the dataset is queued, then fails with the reason, and has no files.
    expect(conflict.status).toBe(202);
    const failed = await settle(p, conflict.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('CONSTRAINT_CONFLICT');
    expect(failed.files).toEqual([]);
    const download = await call(
      viewer,
      'GET',
      `/projects/${p}/synthetic-datasets/${conflict.body.id}/data`,
    );
    expect(download.status).toBe(400);
    expect(download.body.message).toMatch(/failed/);
    const events = await call(admin, 'GET', '/events?kind=dataset.failed');
    expect(events.body.items.map((e: { subject: string }) => e.subject)).toContain(
      `synthetic-dataset:${conflict.body.id}`,
    );
    const datasets = await call(viewer, 'GET', `/projects/${p}/synthetic-datasets`);
    expect(datasets.body.items.length).toBeGreaterThan(0);
  });
});
