import { randomBytes } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { testPostgresUrl } from '../../testing/test-postgres-url.js';

const PAGE = { limit: 100, offset: 0 };
const schemas: string[] = [];
const postgresUrl = () => testPostgresUrl('TestRail writes on PostgreSQL');

const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_testrail_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(postgresUrl(), { schema, poolSize: 4 });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

let t: TestApp;
let project: number;
let as: Record<string, string>;

async function tr(method: 'GET' | 'POST', route: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url: `/index.php?${route}`,
    headers: payload === undefined ? as : { ...as, 'content-type': 'application/json' },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

/** Every dataset, variable and event of the workspace, as the store holds them. */
async function written() {
  const { store, workspace } = t;
  return {
    datasets: await store.listDatasets(workspace, project, PAGE),
    variables: await store.listVariables(workspace, project),
    events: await store.listEvents({ workspace, page: PAGE }),
  };
}

/** Each test on a new app over `open`'s store: a tester's key, and a project. */
function usingApp(open: () => Promise<Store>): void {
  beforeEach(async () => {
    t = await createTestApp({ closeStore: true }, await open());
    const admin = t.auth(t.adminKey);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { id: 'jon', name: 'jon', email: 'jon@example.test', role: 'tester' },
    });
    expect(user.statusCode, user.body).toBeLessThan(300);
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: admin,
      payload: { name: 'jon-ci', role: 'tester', userId: 'jon' },
    });
    const secret = (key.json() as { key: string }).key;
    as = { authorization: `Basic ${Buffer.from(`jon@example.test:${secret}`).toString('base64')}` };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: admin,
      payload: { name: 'Checkout' },
    });
    project = (created.json() as { id: number }).id;
  });
  afterEach(async () => {
    await t.close();
  });
}

/**
 * What the TestRail calls write, read from the store itself: a project's
 * Default dataset comes with the project, a call that is refused or only
 * reads writes nothing, and a dataset is never kept without its event, on
 * either store.
 */
describe.each(STORES)('TestRail dataset writes (%s)', (_name, open) => {
  usingApp(open);

  it('creates the Default dataset with the project, before any dataset call', async () => {
    expect((await written()).datasets).toEqual([
      expect.objectContaining({ name: 'Default', isDefault: true, project, values: {} }),
    ]);
  });

  it('writes nothing for a read or a refused call', async () => {
    const refuse = async (calls: Array<[string, string, unknown]>) => {
      for (const [what, route, body] of calls)
        expect((await tr('POST', route, body)).status, what).toBe(400);
    };
    // Calls on a project no dataset call has touched yet.
    const untouched = await written();
    const defaultId = untouched.datasets[0]!.id;
    expect((await tr('GET', `/api/v2/get_datasets/${project}`)).status).toBe(200);
    expect((await tr('GET', `/api/v2/get_dataset/${defaultId}`)).status).toBe(200);
    expect((await tr('GET', `/api/v2/get_variables/${project}`)).status).toBe(200);
    await refuse([
      ['unknown variable', `/api/v2/add_dataset/${project}`, { name: 'a', colour: 'red' }],
      ['taken name', `/api/v2/add_dataset/${project}`, { name: 'Default' }],
      ['no name', `/api/v2/add_dataset/${project}`, {}],
      ['unknown project', `/api/v2/add_dataset/${project + 100}`, { name: 'a' }],
      ['Default renamed', `/api/v2/update_dataset/${defaultId}`, { name: 'Other' }],
      ['Default deleted', `/api/v2/delete_dataset/${defaultId}`, undefined],
    ]);
    expect(await written()).toEqual(untouched);

    expect((await tr('POST', `/api/v2/add_variable/${project}`, { name: 'age' })).status).toBe(200);
    const before = await written();
    await refuse([
      ['value not a string', `/api/v2/add_dataset/${project}`, { name: 'a', age: 3 }],
      ['value too long', `/api/v2/add_dataset/${project}`, { name: 'a', age: 'x'.repeat(10_001) }],
      ['taken variable', `/api/v2/add_variable/${project}`, { name: 'age' }],
    ]);
    expect(await written()).toEqual(before);
  });
});

/** A refused event on PostgreSQL, through a trigger, as the project's test does. */
describe('TestRail dataset writes and their events (postgres)', () => {
  usingApp(STORES[1]![1]);

  it('keeps nothing of a dataset write whose event the database refuses', async () => {
    const sql = async (text: string) => {
      const client = new pg.Client({ connectionString: postgresUrl() });
      await client.connect();
      try {
        await client.query(`SET search_path TO "${schemas.at(-1)!}"`);
        await client.query(text);
      } finally {
        await client.end();
      }
    };
    const kept = await tr('POST', `/api/v2/add_dataset/${project}`, { name: 'kept' });
    expect(kept.status).toBe(200);
    const before = await written();
    // The events table refuses every insert, as a full disk or a broken constraint would.
    await sql(`CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'events are refused'; END $$`);
    await sql(`CREATE TRIGGER refuse_event BEFORE INSERT ON events
        FOR EACH ROW EXECUTE FUNCTION refuse_event()`);
    const id = kept.body['id'] as number;
    for (const [route, body] of [
      [`/api/v2/add_dataset/${project}`, { name: 'refused' }],
      [`/api/v2/update_dataset/${id}`, { name: 'renamed' }],
      [`/api/v2/delete_dataset/${id}`, undefined],
    ] as const)
      expect((await tr('POST', route, body)).status, route).toBe(503);
    expect(await written()).toEqual(before);

    await sql('DROP TRIGGER refuse_event ON events');
    // The refused add used no number either.
    const next = await tr('POST', `/api/v2/add_dataset/${project}`, { name: 'next' });
    expect(next.body['id']).toBe(id + 1);
  });
});
