import { openMemoryStore, type Role, type Store } from '@allot/core';
import { buildApp, type AllotApp } from '../build-app.js';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import type { BuildAppOptions } from '../options.js';

/** Customers with the columns the sample pool finds on; some cells look like spreadsheet formulas. */
export const CUSTOMERS_CSV = [
  'id,email,status,country,tier,balance,note',
  'C-1,a@example.test,active,DE,gold,900.00,plain',
  'C-2,b@example.test,active,DE,silver,-12.50,"=HYPERLINK(""http://evil"")"',
  'C-3,c@example.test,active,FR,bronze,10.00,+cmd',
  'C-4,d@example.test,locked,DE,bronze,0.00,@SUM(A1)',
  'C-5,e@example.test,active,NL,gold,700.00,"has, comma"',
  'C-6,f@example.test,closed,GB,bronze,5.00,-x',
].join('\n');

/** A pool over the customers block; names with spaces and odd characters on purpose. */
export function samplePool(name = 'shop') {
  return {
    pool: name,
    key: 'id',
    blocks: ['customers'],
    tests: [
      {
        suite: 'checkout',
        test: 'pays in Germany',
        find: { where: { status: 'active', country: 'DE' } },
        columns: ['id', 'email', 'country'],
      },
      { suite: 'checkout', test: 'gold & rich / 100%', find: { where: { tier: 'gold' } } },
      {
        suite: 'account',
        test: 'locked user',
        find: { where: { status: 'locked' } },
        columns: ['id', 'status'],
      },
      { suite: 'account', test: 'nobody matches', find: { where: { status: 'deleted' } } },
    ],
  };
}

/** An app over a memory store with one workspace, its admin key, and helpers to make more keys. */
export interface TestApp {
  app: AllotApp;
  store: Store;
  workspace: string;
  adminKey: string;
  /** `Authorization` headers for a key. */
  auth(key: string): { authorization: string };
  /** A new key with a role, created through the API. */
  keyWithRole(role: Role): Promise<string>;
  /** Uploads the customers block and creates the sample pool. */
  seed(pool?: string): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: Partial<BuildAppOptions> = {},
  store?: Store,
): Promise<TestApp> {
  const theStore = store ?? (await openMemoryStore());
  const { workspace, adminKey } = await createWorkspaceWithAdminKey(theStore, {
    id: `ws-${Math.random().toString(36).slice(2, 8)}`,
  });
  const app = await buildApp({
    store: theStore,
    logLevel: 'silent',
    rateLimit: false,
    syncWaitMs: 5000,
    ...options,
  });
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const testApp: TestApp = {
    app,
    store: theStore,
    workspace,
    adminKey,
    auth,
    async keyWithRole(role) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: auth(adminKey),
        payload: { name: role, role },
      });
      if (response.statusCode !== 201) throw new Error(`creating a key failed: ${response.body}`);
      return (response.json() as { key: string }).key;
    },
    async seed(pool = 'shop') {
      const block = await app.inject({
        method: 'POST',
        url: '/api/v1/blocks/customers?keyColumn=id',
        headers: { ...auth(adminKey), 'content-type': 'text/csv' },
        payload: CUSTOMERS_CSV,
      });
      if (block.statusCode >= 300 && block.statusCode !== 200)
        throw new Error(`upload failed: ${block.body}`);
      const created = await app.inject({
        method: 'PUT',
        url: `/api/v1/pools/${pool}`,
        headers: auth(adminKey),
        payload: samplePool(pool),
      });
      if (created.statusCode >= 300) throw new Error(`pool failed: ${created.body}`);
    },
    close: () => app.close(),
  };
  return testApp;
}
