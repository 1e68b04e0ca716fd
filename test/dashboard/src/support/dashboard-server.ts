import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readServeStartup } from '@allot/test-support/serve-startup';

/** The built `allot` command, run with node (pnpm links bins only of files that existed at install). */
const CLI_MAIN = join(
  resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..'),
  'packages',
  'cli',
  'dist',
  'main.js',
);

/** A real `allot serve` on a free port over a fresh data directory. */
export interface DashboardServer {
  url: string;
  adminKey: string;
  /** A call to the server's API as the admin (or with another token); throws on a non-2xx answer. */
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `allot serve --port 0` on a temporary data directory; the admin key
 * is the one it prints. `appDatabase` registers a PostgreSQL database as the
 * resolution server `appdb`.
 */
export async function startDashboardServer(appDatabase?: string): Promise<DashboardServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'allot-dashboard-'));
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    [
      CLI_MAIN,
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
      ...(appDatabase === undefined ? [] : ['--resolution-server', 'appdb=APP_DB_URL']),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ALLOT_STORE: '', APP_DB_URL: appDatabase ?? '' },
    },
  );
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const { url, apiKey } = await readServeStartup(child).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token = apiKey,
  ): Promise<T> => {
    const isText = typeof body === 'string';
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined
          ? {}
          : {
              'content-type': isText
                ? path.includes('/pools')
                  ? 'application/yaml'
                  : 'text/csv'
                : 'application/json',
            }),
      },
      ...(body === undefined ? {} : { body: isText ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    url,
    adminKey: apiKey,
    api,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
