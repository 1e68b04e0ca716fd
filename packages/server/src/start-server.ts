import { resolve } from 'node:path';
import type { Store, WorkQueue } from '@allot/core';
import { isPostgresUrl } from '@allot/store-postgres';
import { openStore } from '@allot/stores';
import { openWorkQueue } from '@allot/stores/work-queue';
import { buildApp, type AllotApp } from './build-app.js';
import { contextOf } from './app-context.js';
import { bootstrapWorkspace } from './bootstrap-workspace.js';
import type { StartServerOptions } from './options.js';
import { openResolutionServers } from './resolution/open-resolution-servers.js';
import type { ResolutionServer } from './resolution/resolution-servers.js';

/** A listening server. */
export interface RunningServer {
  app: AllotApp;
  /** `http://host:port` as bound (port 0 resolved). */
  url: string;
  /** The admin key of a fresh store, already printed; null when the store had a workspace. */
  adminKey: string | null;
  /** Stops accepting requests, lets running jobs commit, closes the store it opened. */
  close(): Promise<void>;
  /** Settles once the server has closed, by `close()` or a signal. */
  closed: Promise<void>;
}

/**
 * Opens the store (`storeSpec`, else the embedded one of `dataDir`, unless a
 * store is given) and the configured resolution servers, listens, and then
 * creates the first workspace and admin key on a fresh store. The key is made
 * only once the port is bound, so a start that fails (a busy port) never
 * leaves a store with an admin key nobody saw. SIGTERM and SIGINT close it
 * gracefully; the caller decides the exit.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const opened = openResolutionServers(options.resolutionServers ?? [], options.env);
  const closeOpened = () => Promise.allSettled(opened.map(async (server) => server.close?.()));
  const ownsStore = options.store === undefined;
  let store: Store;
  try {
    store = options.store ?? (await openStore(storeSpecOf(options)));
  } catch (error) {
    await closeOpened();
    throw error;
  }
  // The store's own queue, so that on PostgreSQL every replica runs and reports the same jobs;
  // a store given by the caller gets an in-process queue from the app, unless one is given too.
  let queue: WorkQueue | undefined = options.queue;
  try {
    if (queue === undefined && ownsStore) {
      queue = await openWorkQueue(storeSpecOf(options), options.postgresQueue ?? {});
    }
  } catch (error) {
    await store.close();
    await closeOpened();
    throw error;
  }
  const ownsQueue = queue !== undefined && options.queue === undefined;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const servers: ResolutionServer[] = [...(options.servers ?? []), ...opened];
  let app: AllotApp;
  try {
    app = await buildApp({
      ...options,
      store,
      closeStore: ownsStore,
      servers,
      ...(queue === undefined ? {} : { queue, closeQueue: ownsQueue }),
    });
  } catch (error) {
    if (ownsQueue) await queue?.close();
    if (ownsStore) await store.close();
    await closeOpened();
    throw error;
  }
  app.addHook('onClose', async () => {
    // Whatever order fastify runs close hooks in, running jobs finish before their servers close.
    await contextOf(app).runner.drain();
    await closeOpened();
  });
  let fresh;
  try {
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    // Until this key exists no request can authenticate, so serving before it is harmless.
    fresh = await bootstrapWorkspace(store, (options.clock ?? (() => new Date()))());
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const url =
    typeof address === 'object' && address !== null
      ? `http://${hostOf(address.address, address.family)}:${address.port}`
      : String(address);
  if (fresh !== undefined) {
    print(
      `Created workspace "${fresh.workspace}" with an admin API key. It is shown only this once; store it now:`,
    );
    print(`  ${fresh.adminKey}`);
  }

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((done) => (resolveClosed = done));
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'stopping: no new requests, waiting for running jobs');
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      try {
        await app.close();
      } finally {
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { app, url, adminKey: fresh?.adminKey ?? null, close, closed };
}

/** A postgres:// URL as given; anything else is a directory, resolved against the working directory. */
function storeSpecOf(options: StartServerOptions): string {
  const spec = options.storeSpec ?? options.dataDir ?? '.allot';
  return isPostgresUrl(spec) ? spec : resolve(spec);
}

function hostOf(address: string, family: string): string {
  return family === 'IPv6' ? `[${address}]` : address;
}
