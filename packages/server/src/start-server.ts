import { resolve } from 'node:path';
import { openLowdbStore } from '@allot/core';
import { buildApp, type AllotApp } from './build-app.js';
import { bootstrapWorkspace } from './bootstrap-workspace.js';
import type { StartServerOptions } from './options.js';

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
 * Opens the store (the embedded one of `dataDir` unless a store is given),
 * creates the first workspace and admin key on a fresh store, and listens.
 * SIGTERM and SIGINT close it gracefully; the caller decides the exit.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openLowdbStore(resolve(options.dataDir ?? '.allot')));
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let app: AllotApp;
  let fresh;
  try {
    fresh = await bootstrapWorkspace(store, (options.clock ?? (() => new Date()))());
    app = await buildApp({ ...options, store, closeStore: ownsStore });
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  try {
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
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

function hostOf(address: string, family: string): string {
  return family === 'IPv6' ? `[${address}]` : address;
}
