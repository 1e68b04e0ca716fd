import { openMemoryStore } from '@allot/core';
import { buildApp, createWorkspaceWithAdminKey, type AllotApp } from '@allot/server';

/** A real allot server on a free port, with a workspace, its admin key and a seeded pool. */
export interface RealServer {
  url: string;
  apiKey: string;
  app: AllotApp;
  close(): Promise<void>;
}

/** Ten customers; six active, two locked. */
export const CUSTOMERS_CSV = [
  'id,email,status',
  'C-01,a@example.test,active',
  'C-02,b@example.test,active',
  'C-03,c@example.test,active',
  'C-04,d@example.test,active',
  'C-05,e@example.test,active',
  'C-06,f@example.test,active',
  'C-07,g@example.test,locked',
  'C-08,h@example.test,locked',
].join('\n');

/** A pool `shop` with active-customer tests in suite `checkout` and a test nobody can satisfy. */
export function shopPool(tests = 4) {
  return {
    pool: 'shop',
    key: 'id',
    blocks: ['customers'],
    tests: [
      ...Array.from({ length: tests }, (_, i) => ({
        suite: 'checkout',
        test: `pays ${i + 1}`,
        find: { where: { status: 'active' } },
        columns: ['id', 'email'],
      })),
      { suite: 'admin', test: 'unlocks', find: { where: { status: 'locked' } }, count: 2 },
      { suite: 'admin', test: 'finds nobody', find: { where: { status: 'deleted' } } },
    ],
  };
}

/** Starts the server app (port 0) over a memory store and seeds the `shop` pool through the API. */
export async function startRealServer(options: { syncWaitMs?: number } = {}): Promise<RealServer> {
  const store = await openMemoryStore();
  const { adminKey } = await createWorkspaceWithAdminKey(store, { id: 'ws-client' });
  const app = await buildApp({
    store,
    logLevel: 'silent',
    rateLimit: false,
    syncWaitMs: options.syncWaitMs ?? 5000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  const auth = { authorization: `Bearer ${adminKey}` };
  const block = await fetch(`${url}/api/v1/blocks/customers?keyColumn=id`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: CUSTOMERS_CSV,
  });
  if (!block.ok) throw new Error(`block upload failed: ${await block.text()}`);
  const pool = await fetch(`${url}/api/v1/pools/shop`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(shopPool()),
  });
  if (!pool.ok) throw new Error(`pool failed: ${await pool.text()}`);
  return {
    url,
    apiKey: adminKey,
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
