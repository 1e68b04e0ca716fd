import { randomBytes } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const schemas: string[] = [];

/** The embedded store, and PostgreSQL on a schema of its own: the catalogue paths on both. */
const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_coverage_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(testPostgresUrl('coverage on PostgreSQL'), { schema, poolSize: 4 });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: testPostgresUrl('coverage on PostgreSQL') });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

describe.each(STORES)('coverage resources on /api/v1 (%s)', (_name, open) => {
  let t: TestApp;
  let base: string;

  async function call(key: string, method: Method, url: string, payload?: unknown) {
    const response = await t.app.inject({
      method,
      url,
      headers: t.auth(key),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body === '' ? null : response.json() };
  }

  beforeEach(async () => {
    t = await createTestApp({ closeStore: true }, await open());
    const project = await call(t.adminKey, 'POST', '/api/v1/projects', { name: 'payments' });
    expect(project.status).toBe(201);
    base = `/api/v1/projects/${project.body.id}`;
  });
  afterEach(() => t.close());

  const attribute = (name: string, values: unknown[]) => ({ name, type: 'VALUE', values });

  test('attributes, a coverage set, its lock, a rule and a calculation, with the documented statuses', async () => {
    const tester = await t.keyWithRole('tester');
    const viewer = await t.keyWithRole('viewer');
    for (const [name, values] of [
      ['acct_type', ['Checking', 'Savings', 'Current']],
      ['currency', ['USD', 'GBP', 'EUR']],
      ['has_app', ['0', '1']],
    ] as const) {
      expect(
        (await call(tester, 'POST', `${base}/attributes`, attribute(name, [...values]))).status,
      ).toBe(201);
    }
    expect(
      (await call(viewer, 'POST', `${base}/attributes`, attribute('x', ['a', 'b']))).status,
    ).toBe(403);

    const list = await call(viewer, 'GET', `${base}/attributes`);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual([
      'acct_type',
      'currency',
      'has_app',
    ]);
    const hasApp = list.body.items[2];
    const patched = await call(tester, 'PATCH', `${base}/attributes/${hasApp.id}`, {
      valuesPriority: { 1: 1 },
    });
    expect(patched.body).toMatchObject({ id: hasApp.id, version: '1.1', valuesPriority: { 1: 1 } });
    expect(
      (await call(viewer, 'GET', `${base}/attributes/by-name/has_app/1.0`)).body.valuesPriority,
    ).toBeUndefined();

    const refs = ['acct_type', 'currency', 'has_app'].map((name) => ({ name, version: '1.0' }));
    const created = await call(tester, 'POST', `${base}/coverage-sets`, {
      name: 'demo_coverage',
      determiningAttributes: refs,
    });
    expect(created.status).toBe(201);
    const setUrl = `${base}/coverage-sets/${created.body.id}`;
    expect(
      (await call(tester, 'PATCH', setUrl, { determiningAttributes: refs })).body,
    ).toMatchObject({
      status: 409,
      code: 'LOCK_REQUIRED',
    });
    const lock = await call(tester, 'POST', `${setUrl}/lock`);
    expect(lock.body, JSON.stringify(lock.body)).toBeDefined();
    expect(lock.body.lock, JSON.stringify(lock.body)).toMatchObject({
      holder: 'tester',
    });
    const otherTester = await call(t.adminKey, 'POST', '/api/v1/keys', {
      name: 'other',
      role: 'tester',
    });
    const locked = await call(otherTester.body.key, 'POST', `${setUrl}/lock`);
    expect(locked).toMatchObject({ status: 423, body: { code: 'CATALOGUE_LOCKED' } });
    expect(locked.body.message).toMatch(/locked by tester/);

    const rule = await call(tester, 'POST', `${setUrl}/rules`, {
      conditions: { acct_type: { values: ['Current'] }, has_app: { values: ['1'] } },
    });
    expect(rule.status).toBe(201);
    expect((await call(viewer, 'GET', `${setUrl}/rules`)).body.items).toHaveLength(1);

    const updated = await call(tester, 'PATCH', setUrl, {
      determiningAttributes: refs.slice(0, 2),
    });
    expect(updated.body).toMatchObject({ version: '1.1', lock: { holder: 'tester' } });
    expect(updated.body.id).not.toBe(created.body.id);
    // The rule names has_app, which 1.1 no longer has: it stays with 1.0.
    expect(
      (await call(viewer, 'GET', `${base}/coverage-sets/${updated.body.id}/rules`)).body.items,
    ).toEqual([]);

    const calculated = await call(tester, 'POST', `${setUrl}/calculate`, { strength: 'all' });
    expect(calculated.status).toBe(201);
    expect(calculated.body).toMatchObject({
      columns: ['acct_type', 'currency', 'has_app'],
      report: { rows: 15, tuplesRequired: 15 },
    });
    expect(calculated.body.rows).not.toContainEqual(['Current', 'USD', '1']);
    expect((await call(viewer, 'GET', `${setUrl}/coverage`)).body.rows).toEqual(
      calculated.body.rows,
    );

    // Admin-only deletes; the unlock of someone else's lock too.
    expect((await call(tester, 'DELETE', `${setUrl}/rules/${rule.body.id}`)).status).toBe(403);
    expect((await call(otherTester.body.key, 'POST', `${setUrl}/unlock`)).status).toBe(423);
    expect((await call(t.adminKey, 'POST', `${setUrl}/unlock`)).body.lock).toBeNull();
    expect((await call(tester, 'DELETE', setUrl)).status).toBe(403);
    expect((await call(t.adminKey, 'DELETE', setUrl)).status).toBe(204);
    expect((await call(viewer, 'GET', setUrl)).status).toBe(404);
  });

  test('every coverage route, and the TDO facade, is in the OpenAPI document', async () => {
    const paths = Object.keys(
      (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths as object,
    );
    for (const path of [
      '/api/v1/projects/{project}/attributes',
      '/api/v1/projects/{project}/attributes/{id}',
      '/api/v1/projects/{project}/attributes/by-name/{name}/{version}',
      '/api/v1/projects/{project}/coverage-sets',
      '/api/v1/projects/{project}/coverage-sets/{id}',
      '/api/v1/projects/{project}/coverage-sets/by-name/{name}/{version}',
      '/api/v1/projects/{project}/coverage-sets/{id}/lock',
      '/api/v1/projects/{project}/coverage-sets/{id}/unlock',
      '/api/v1/projects/{project}/coverage-sets/{id}/rules',
      '/api/v1/projects/{project}/coverage-sets/{id}/rules/{rule}',
      '/api/v1/projects/{project}/coverage-sets/{id}/calculate',
      '/api/v1/projects/{project}/coverage-sets/{id}/coverage',
      '/core/1.0/API/determiningAttribute',
      '/core/1.0/API/determiningAttribute/{id}',
      '/core/1.0/API/coverageSet/lock/{id}',
      '/core/1.0/API/businessRules',
      '/core/1.0/API/calculateCoverage',
    ])
      expect(paths, path).toContain(path);
  });

  test('bad bodies answer 400 naming the field and write nothing', async () => {
    const cases: Array<[string, unknown, string]> = [
      [`${base}/attributes`, { name: 'a', type: 'LIST', values: ['x', 'y'] }, 'body.type'],
      [`${base}/attributes`, attribute('a', ['only']), 'values'],
      [
        `${base}/attributes`,
        { name: 'r', type: 'RANGE', values: [{ minValue: 1 }, { minValue: 5, maxValue: 9 }] },
        'values[0].maxValue',
      ],
      [
        `${base}/coverage-sets`,
        { name: 'demo', determiningAttributes: [{ name: 'a', version: '1.0' }] },
        'name',
      ],
      [
        `${base}/coverage-sets`,
        { name: 'demo_coverage', determiningAttributes: [{ name: 'nope', version: '1.0' }] },
        'determiningAttributes[0].name',
      ],
    ];
    for (const [url, body, field] of cases) {
      const response = await call(t.adminKey, 'POST', url, body);
      expect(response, JSON.stringify(body)).toMatchObject({ status: 400, body: { field } });
    }
    expect((await call(t.adminKey, 'GET', `${base}/attributes`)).body.items).toEqual([]);
    expect((await call(t.adminKey, 'GET', `${base}/coverage-sets`)).body.items).toEqual([]);
  });

  test('ids of another workspace or project answer 404', async () => {
    expect(
      (await call(t.adminKey, 'POST', `${base}/attributes`, attribute('a', ['x', 'y']))).status,
    ).toBe(201);
    const [a] = (await call(t.adminKey, 'GET', `${base}/attributes`)).body.items;
    const other = await createWorkspaceWithAdminKey(t.store, { id: `ws-other-${Date.now()}` });
    const project = await call(other.adminKey, 'POST', '/api/v1/projects', { name: 'payments' });
    const theirs = `/api/v1/projects/${project.body.id}`;
    expect((await call(other.adminKey, 'GET', `${theirs}/attributes/${a.id}`)).status).toBe(404);
    expect((await call(other.adminKey, 'DELETE', `${theirs}/attributes/${a.id}`)).status).toBe(404);
    // Projects are numbered per workspace: theirs is 1 too, and ours is not reachable through it.
    expect((await call(t.adminKey, 'GET', '/api/v1/projects/999/attributes')).status).toBe(404);
    expect((await call(t.adminKey, 'GET', `${base}/coverage-sets/${'0'.repeat(24)}`)).status).toBe(
      404,
    );
    expect((await call(t.adminKey, 'GET', `${base}/attributes/${a.id}`)).body.name).toBe('a');
  });
});
