import { executeJob, openMemoryStore } from '@allot/core';
import { buildApp, createWorkspaceWithAdminKey, type ResolutionServer } from '@allot/server';
import { startSeededServer, type SeededServer } from '@allot/test-support';
import { AllotClient, type AllotClientOptions } from '../allot-client.js';
import { sleep } from '../transport.js';

/** A real allot server on a free port, with a workspace, its admin key and a seeded pool. */
export type RealServer = SeededServer;

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

/** Client options besides the server's URL and key. */
export type ClientOptions = Omit<AllotClientOptions, 'baseUrl' | 'apiKey'>;

/** A real server and a client of it holding the admin key. */
export interface RealClient {
  server: RealServer;
  client: AllotClient;
}

/** Starts a real server (port 0) over a memory store, seeded with the customers block and the `shop` pool. */
export function startRealServer(options: { syncWaitMs?: number } = {}): Promise<RealServer> {
  return startSeededServer({
    workspace: 'ws-client',
    block: { name: 'customers', keyColumn: 'id', csv: CUSTOMERS_CSV },
    pool: shopPool(),
    syncWaitMs: options.syncWaitMs ?? 5000,
  });
}

/** A client of `server` with its admin key. */
export function clientOf(server: RealServer, options: ClientOptions = {}): AllotClient {
  return new AllotClient({ baseUrl: server.url, apiKey: server.apiKey, ...options });
}

/** Starts a real server as {@link startRealServer} does, and a client of it. */
export async function startRealClient(
  options: { syncWaitMs?: number; client?: ClientOptions } = {},
): Promise<RealClient> {
  const server = await startRealServer(
    options.syncWaitMs === undefined ? {} : { syncWaitMs: options.syncWaitMs },
  );
  return { server, client: clientOf(server, options.client) };
}

/**
 * A resolution server that holds each job `delayMs` before running it with
 * the engine: over a memory store a job otherwise ends before the server
 * answers, however short `waitMs`, and a client never sees it running.
 */
export function slowServer(delayMs: number): ResolutionServer {
  return {
    name: 'slow',
    description: `the built-in engine, ${delayMs} ms late`,
    execute: async (store, options) => {
      await sleep(delayMs);
      return executeJob(store, options);
    },
  };
}

/**
 * A real server as {@link startRealServer} starts, with {@link slowServer}
 * besides `local`, and a client of it.
 */
export async function startSlowJobClient(
  delayMs: number,
  options: ClientOptions = {},
): Promise<RealClient> {
  const store = await openMemoryStore();
  const { adminKey } = await createWorkspaceWithAdminKey(store, { id: 'ws-client' });
  const app = await buildApp({
    store,
    logLevel: 'silent',
    rateLimit: false,
    servers: [slowServer(delayMs)],
  });
  const close = async () => {
    await app.close();
    await store.close();
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    const server = { url: `http://127.0.0.1:${address.port}`, apiKey: adminKey, app, close };
    const client = clientOf(server, options);
    await client.uploadBlock(
      'customers',
      { name: 'customers.csv', content: CUSTOMERS_CSV },
      { keyColumn: 'id' },
    );
    await client.uploadPool({ name: 'shop.json', content: JSON.stringify(shopPool()) });
    return { server, client };
  } catch (error) {
    await close();
    throw error;
  }
}
