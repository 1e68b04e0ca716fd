import { openMemoryStore } from '@allot/core';
import { buildApp, createWorkspaceWithAdminKey, type AllotApp } from '@allot/server';

/** A real allot server listening on a free port, with a workspace and its admin key. */
export interface SeededServer {
  url: string;
  apiKey: string;
  app: AllotApp;
  close(): Promise<void>;
}

export interface SeededServerOptions {
  workspace: string;
  /** A data block uploaded as CSV through the API. */
  block: { name: string; keyColumn: string; csv: string };
  /** A pool: YAML text (uploaded as a pool file) or a pool object (PUT as JSON). */
  pool: string | { pool: string };
  syncWaitMs?: number;
}

/**
 * Starts the server app on port 0 over a memory store and seeds it through
 * its own API, as a user would; fails with the server's answer when a seed
 * request is refused.
 */
export async function startSeededServer(options: SeededServerOptions): Promise<SeededServer> {
  const store = await openMemoryStore();
  const { adminKey } = await createWorkspaceWithAdminKey(store, { id: options.workspace });
  const app = await buildApp({
    store,
    logLevel: 'silent',
    rateLimit: false,
    ...(options.syncWaitMs === undefined ? {} : { syncWaitMs: options.syncWaitMs }),
  });
  const close = async () => {
    await app.close();
    await store.close();
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    const url = `http://127.0.0.1:${address.port}`;
    const auth = { authorization: `Bearer ${adminKey}` };
    const { name, keyColumn, csv } = options.block;
    await expectOk(
      'block upload',
      fetch(
        `${url}/api/v1/blocks/${encodeURIComponent(name)}?keyColumn=${encodeURIComponent(keyColumn)}`,
        {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: csv,
        },
      ),
    );
    const pool = options.pool;
    await expectOk(
      'pool',
      typeof pool === 'string'
        ? fetch(`${url}/api/v1/pools/upload`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/yaml' },
            body: pool,
          })
        : fetch(`${url}/api/v1/pools/${encodeURIComponent(pool.pool)}`, {
            method: 'PUT',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(pool),
          }),
    );
    return { url, apiKey: adminKey, app, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function expectOk(what: string, request: Promise<Response>): Promise<void> {
  const response = await request;
  if (!response.ok)
    throw new Error(`${what} failed with ${response.status}: ${await response.text()}`);
}
