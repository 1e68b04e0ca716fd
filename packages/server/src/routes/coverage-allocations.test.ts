import { randomBytes } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import { importBlockVersion } from '@allot/use-cases';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const schemas: string[] = [];

const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_cov_alloc_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(testPostgresUrl('coverage allocation on PostgreSQL'), {
        schema,
        poolSize: 4,
      });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({
    connectionString: testPostgresUrl('coverage allocation on PostgreSQL'),
  });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

/** Checking has no app row, Savings no row without the app, Current none with it. */
const ACCOUNTS = [
  'id,account_type,has_app,balance',
  'A1,Checking,0,10',
  'A2,Savings,1,300',
  'A3,Current,0,5000',
  'A4,Checking,0,20',
].join('\n');

describe.each(STORES)('allocation by coverage on /api/v1 (%s)', (_name, open) => {
  let t: TestApp;
  let tester: string;
  let setUrl: string;

  async function call(method: 'GET' | 'POST', url: string, payload?: unknown, key = tester) {
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
    tester = await t.keyWithRole('tester');
    await importBlockVersion(t.store, {
      workspace: t.workspace,
      block: 'accounts',
      text: ACCOUNTS,
      source: 'accounts.csv',
      keyColumn: 'id',
    });
    const project = await call('POST', '/api/v1/projects', { name: 'payments' }, t.adminKey);
    const base = `/api/v1/projects/${project.body.id}`;
    const source = (attribute: string) => ({ name: 'accounts', version: '1.0', attribute });
    for (const [name, values, column] of [
      ['acct_type', ['Checking', 'Savings', 'Current'], 'account_type'],
      ['has_app', ['0', '1'], 'has_app'],
    ] as const) {
      const made = await call('POST', `${base}/attributes`, {
        name,
        type: 'VALUE',
        values: [...values],
        source: source(column),
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const set = await call('POST', `${base}/coverage-sets`, {
      name: 'accounts_coverage',
      determiningAttributes: [
        { name: 'acct_type', version: '1.0' },
        { name: 'has_app', version: '1.0' },
      ],
    });
    setUrl = `${base}/coverage-sets/${set.body.id}`;
    expect((await call('POST', `${setUrl}/calculate`, { strength: 'all' })).status).toBe(201);
  });
  afterEach(() => t.close());

  const outcomeOf = (body: { outcomes: Array<{ test: string; status: string }> }) =>
    Object.fromEntries(body.outcomes.map((o) => [o.test, o.status]));

  test('existing rows go to the combinations that have them, rows are made for the others, and a second run finds them leased', async () => {
    const allocated = await call('POST', `${setUrl}/allocate`, {});
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    expect(allocated.body).toMatchObject({
      mode: 'combinations',
      pool: 'accounts_coverage@1.0',
      calculation: '1.0',
      state: 'complete',
      allocated: 3,
      made: 3,
      failed: 0,
    });
    expect(outcomeOf(allocated.body)).toEqual({
      '1: acct_type=Checking, has_app=0': 'allocated',
      '2: acct_type=Checking, has_app=1': 'made',
      '3: acct_type=Savings, has_app=0': 'made',
      '4: acct_type=Savings, has_app=1': 'allocated',
      '5: acct_type=Current, has_app=0': 'allocated',
      '6: acct_type=Current, has_app=1': 'made',
    });
    // The results are a pool's like any other: the made row holds its combination.
    const job = await call('GET', `/api/v1/jobs/${allocated.body.jobId}`);
    expect(job.body.tests).toHaveLength(6);
    const made = await t.store.getBlock(t.workspace, 'accounts');
    expect(made?.version).toBe('1.1');
    expect(made?.rows.filter((row) => row[1] === 'Savings' && row[2] === '0')).toHaveLength(1);

    // Without makes: the fewest existing rows covering every pair, all leased by the first job.
    const existing = await call('POST', `${setUrl}/allocate`, { makes: false });
    expect(existing.status, JSON.stringify(existing.body)).toBe(200);
    expect(existing.body).toMatchObject({ mode: 'existing-rows', failed: 3, state: 'failed' });
    for (const outcome of existing.body.outcomes) expect(outcome.reason).toMatch(/leased/);
  });

  test('without makes: the fewest existing rows cover every pair the data holds, and the pairs no row has are listed', async () => {
    const planned = await call('POST', `${setUrl}/allocate`, { makes: false, dryRun: true });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body).toMatchObject({ dryRun: true, jobId: null, allocated: 3, failed: 0 });
    // A dry run stores nothing: no pool, no lease.
    expect(await t.store.getPool(t.workspace, 'accounts_coverage@1.0')).toBeUndefined();

    const existing = await call('POST', `${setUrl}/allocate`, { makes: false });
    expect(existing.status, JSON.stringify(existing.body)).toBe(200);
    expect(existing.body).toMatchObject({
      mode: 'existing-rows',
      allocated: 3,
      made: 0,
      failed: 0,
      existing: { strength: 2, tuplesRequired: 6, tuplesCovered: 3, excluded: 0 },
    });
    expect(existing.body.outcomes.map((o: { row: { id: string } }) => o.row.id)).toEqual([
      'A1',
      'A2',
      'A3',
    ]);
    expect(existing.body.existing.missing).toEqual([
      { acct_type: 'Checking', has_app: '1' },
      { acct_type: 'Savings', has_app: '0' },
      { acct_type: 'Current', has_app: '1' },
    ]);
    const block = await t.store.getBlock(t.workspace, 'accounts');
    expect(block?.version).toBe('1.0');
  });

  test('bad input answers 400 naming the field, unknown sets 404, viewers 403, and nothing is written', async () => {
    const bad = await call('POST', `${setUrl}/allocate`, { makes: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/makes/);
    const noColumn = await call('POST', `${setUrl}/allocate`, { key: 'nope' });
    expect(noColumn.status).toBe(400);
    expect(JSON.stringify(noColumn.body)).toMatch(/key/);
    const unknown = setUrl.replace(/[0-9a-f]{24}$/, 'f'.repeat(24));
    expect((await call('POST', `${unknown}/allocate`, {})).status).toBe(404);
    const viewer = await t.keyWithRole('viewer');
    expect((await call('POST', `${setUrl}/allocate`, {}, viewer)).status).toBe(403);
    expect(await t.store.getPool(t.workspace, 'accounts_coverage@1.0')).toBeUndefined();
    expect((await t.store.getBlock(t.workspace, 'accounts'))?.version).toBe('1.0');

    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(document.paths as object)).toContain(
      '/api/v1/projects/{project}/coverage-sets/{id}/allocate',
    );
  });
});
