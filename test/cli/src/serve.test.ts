import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Store } from '@allot/core';
import { openStore } from '@allot/stores';
import {
  createTemporaryDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from '@allot/test-support/postgres';
import { watchOutput } from '@allot/test-support/child-output';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain as bin } from './support/cli-main.js';

const exec = promisify(execFile);
const POSTGRES_URL = testPostgresUrl('allot serve and allot keys on PostgreSQL');

/** An `allot serve` child: its URL once it listens, what it printed, and how it ended. */
interface ServeRun {
  url: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the process exited before it listened. */
  code: number | null | undefined;
  /**
   * The admin key it prints on stdout, once written: stdout and stderr are
   * read separately, so the key may arrive after "serving on". Fails after
   * `ms` with the output so far.
   */
  printedKey(ms?: number): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts `allot serve` and settles when it listens or exits, whichever comes first. */
async function serve(storeArgs: string[], port = '0'): Promise<ServeRun> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', port, '--log-level', 'silent', ...storeArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], env: withoutAllotVariables() },
  );
  const output = watchOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = output.waitFor('stderr', /serving on (http:\/\/\S+)/, 30_000).then(
    (match) => match[1],
    () => undefined,
  );
  const run: ServeRun = {
    url: undefined,
    get stdout() {
      return output.text('stdout');
    },
    get stderr() {
      return output.text('stderr');
    },
    code: undefined,
    printedKey: async (ms = 5_000) => {
      const match = await output.waitFor('stdout', KEY, ms);
      return match[1] as string;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
  void exited.then((code) => (run.code = code));
  run.url = await listening;
  if (run.url === undefined) await exited;
  return run;
}

function withoutAllotVariables(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ALLOT_')),
  );
}

/** A port something else listens on. */
async function busyPort(): Promise<{ port: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: String(address.port), server };
}

async function workspacesAndKeys(spec: string): Promise<{ workspaces: number; keys: number }> {
  const store: Store = await openStore(spec);
  try {
    const workspaces = await store.listWorkspaces();
    const keys = workspaces.length === 0 ? [] : await store.listApiKeys('default');
    return { workspaces: workspaces.length, keys: keys.length };
  } finally {
    await store.close();
  }
}

async function status(url: string, path: string, key: string): Promise<number> {
  return (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })).status;
}

const KEY = /(allot_[0-9a-f]{16}_\S+)/;
const keyIn = (text: string) => KEY.exec(text)?.[1];

/** The same checks on a data directory and on a PostgreSQL database. */
function serveAndKeysOn(storeArgs: () => string[], spec: () => string): void {
  it('a busy port: serve exits non-zero and creates no key, so the next start prints one', async () => {
    const { port, server } = await busyPort();
    try {
      const failed = await serve(storeArgs(), port);
      expect(failed.code, failed.stderr).toBe(1);
      expect(failed.stderr).toMatch(/EADDRINUSE/);
      expect(keyIn(failed.stdout)).toBeUndefined();
      expect(await workspacesAndKeys(spec())).toEqual({ workspaces: 0, keys: 0 });
    } finally {
      server.close();
    }
    const started = await serve(storeArgs());
    const key = await started.printedKey();
    expect(key, started.stderr).toBeDefined();
    expect(await status(started.url ?? '', '/api/v1/keys', key ?? '')).toBe(200);
    expect(await started.stop()).toBe(0);
  });

  it('allot keys create prints a key once, and allot serve accepts it', async () => {
    const created = await exec(process.execPath, [
      bin,
      'keys',
      'create',
      '--role',
      'admin',
      '--name',
      'recovery',
      ...storeArgs(),
    ]);
    const key = created.stdout.trim();
    expect(key).toMatch(/^allot_[0-9a-f]{16}_\S+$/);
    expect(created.stderr).toMatch(/created admin key [0-9a-f]{16} \("recovery"\)/);
    expect(created.stderr).not.toContain(key);
    const tester = (
      await exec(process.execPath, [bin, 'keys', 'create', '--role', 'tester', ...storeArgs()])
    ).stdout.trim();

    const server = await serve(storeArgs());
    try {
      expect(server.url, server.stderr).toBeDefined();
      // The store has a workspace now: the server makes no key of its own.
      expect(keyIn(server.stdout)).toBeUndefined();
      const url = server.url ?? '';
      expect(await status(url, '/api/v1/keys', key)).toBe(200);
      expect(await status(url, '/api/v1/keys', tester)).toBe(403);
      expect(await status(url, '/api/v1/keys', `${key.slice(0, -1)}x`)).toBe(401);
      const audit = (await (
        await fetch(`${url}/api/v1/audit`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as { items: { action: string; actor: string }[] };
      expect(audit.items).toContainEqual(
        expect.objectContaining({ action: 'key.create', actor: 'allot keys create' }),
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('allot keys create refuses a workspace the store does not have', async () => {
    const run = exec(process.execPath, [
      bin,
      'keys',
      'create',
      '--role',
      'admin',
      '--workspace',
      'nowhere',
      ...storeArgs(),
    ]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('workspace "nowhere" does not exist') as unknown,
    });
  });
}

// Each test starts several CLI processes that load the server: allow for a busy machine.
describe('allot serve and allot keys on a data directory', { timeout: 90_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-serve-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('allot serve prints an admin key once, answers on a real port and stops on SIGTERM', async () => {
    const server = await serve(['--data-dir', dir]);
    expect(server.url, server.stderr).toBeDefined();
    const key = await server.printedKey();
    expect(key).toBeDefined();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await status(server.url ?? '', '/api/job/1', key ?? '')).toBe(404);
    expect(await server.stop()).toBe(0);
  });

  serveAndKeysOn(
    () => ['--data-dir', dir],
    () => dir,
  );
});

describe('allot serve and allot keys on PostgreSQL', { timeout: 90_000 }, () => {
  let database: TemporaryDatabase | undefined;
  beforeEach(async () => {
    database = await createTemporaryDatabase(POSTGRES_URL, 'allot_cli_keys');
  });
  afterEach(async () => {
    await database?.drop();
  });

  serveAndKeysOn(
    () => ['--store', database?.url.toString() ?? ''],
    () => database?.url.toString() ?? '',
  );
});
