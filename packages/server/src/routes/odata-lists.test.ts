import { randomBytes } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const schemas: string[] = [];
const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_odata_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(testPostgresUrl('OData lists on PostgreSQL'), {
        schema,
        poolSize: 4,
      });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: testPostgresUrl('OData lists on PostgreSQL') });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

/** OData's query options on the /api/v1 lists, with the same answers on either store. */
describe.each(STORES)('OData on /api/v1 lists (%s)', (_name, open) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ closeStore: true }, await open());
    await t.seed();
  });
  afterEach(async () => {
    await t.close();
  });

  async function get(url: string) {
    const response = await t.app.inject({ method: 'GET', url, headers: t.auth(t.adminKey) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies of many shapes, as inject().json() does
    return { status: response.statusCode, body: response.json() as any };
  }
  const q = (text: string) => encodeURIComponent(text);

  it("queries a block's rows: filter, order, page, select, count", async () => {
    const page = await get(
      `/api/v1/blocks/customers/rows?$filter=${q("status eq 'active' and (country in ('DE','NL') or balance lt 0)")}&$orderby=${q('balance desc')}&$select=id,balance&$count=true&$top=2`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({
      block: 'customers',
      version: '1.0',
      columns: ['id', 'balance'],
      total: 3,
      limit: 2,
      offset: 0,
      items: [
        { id: 'C-1', balance: '900.00' },
        { id: 'C-5', balance: '700.00' },
      ],
    });
    expect(page.body.links.next).toContain('%24skip=2');
    const next = await get(page.body.links.next as string);
    expect(next.body.items).toEqual([{ id: 'C-2', balance: '-12.50' }]);
    expect(next.body.links.next).toBeNull();
    const ends = await get(
      `/api/v1/blocks/customers/rows?$filter=${q("endswith(email,'e.test') and endswith(note,'comma')")}`,
    );
    expect(ends.body.items.map((r: { id: string }) => r.id)).toEqual(['C-5']);
  });

  it('answers 400 naming the unknown field, the bad literal, the unsupported function; caps $top', async () => {
    const cases: Array<[string, string]> = [
      [`$filter=${q("town eq 'x'")}`, 'unknown field "town"'],
      [`$filter=${q('balance gt 5L')}`, 'does not parse'],
      [`$filter=${q("tolower(status) eq 'x'")}`, 'unsupported function "tolower"'],
      [`$orderby=${q('town')}`, 'unknown field "town"'],
      ['$top=5000', '$top'],
    ];
    for (const [query, message] of cases) {
      const answer = await get(`/api/v1/blocks/customers/rows?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.message, query).toContain(message);
    }
    expect((await get(`/api/v1/blocks/nope/rows`)).status).toBe(404);
  });

  it('runs the same options on pools, tests, jobs, results and events', async () => {
    const tests = await get(
      `/api/v1/pools/shop/tests?$filter=${q("suite eq 'account'")}&$select=test&$orderby=${q('test desc')}`,
    );
    expect(tests.status, JSON.stringify(tests.body)).toBe(200);
    expect(tests.body.items).toEqual([{ test: 'nobody matches' }, { test: 'locked user' }]);
    const pools = await get(`/api/v1/pools?$filter=${q("contains(name,'sh')")}&$count=true`);
    expect(pools.body.total).toBe(1);
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }], waitMs: 5000 },
    });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const jobs = await get(`/api/v1/jobs?$filter=${q('allocated ge 1')}&$select=id,allocated`);
    expect(jobs.body.items).toEqual([{ id: 1, allocated: 1 }]);
    const results = await get(
      `/api/v1/pools/shop/results?$filter=${q("test eq 'locked user'")}&$select=suite,test`,
    );
    expect(results.body.items).toEqual([{ suite: 'account', test: 'locked user' }]);
    const events = await get(
      `/api/v1/events?$filter=${q("startswith(kind,'pool.')")}&$select=kind`,
    );
    expect(events.status, JSON.stringify(events.body)).toBe(200);
    expect(events.body.items.length).toBeGreaterThan(0);
    expect(events.body.items.every((e: { kind: string }) => e.kind.startsWith('pool.'))).toBe(true);
    expect((await get(`/api/v1/jobs?$filter=${q("colour eq 'x'")}`)).status).toBe(400);
  });
});
