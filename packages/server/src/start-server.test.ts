import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '@allot/store-lowdb';
import { afterEach, describe, expect, test } from 'vitest';
import { parseCliOptions } from './parse-cli-options.js';
import { startServer } from './start-server.js';
import { CUSTOMERS_CSV, samplePool } from './testing/test-app.js';

describe('startServer', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  test('a start whose port is busy fails and creates no workspace nor key', async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-server-'));
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const printed: string[] = [];
    try {
      await expect(
        startServer({
          dataDir: dir,
          port,
          logLevel: 'silent',
          handleSignals: false,
          print: (l) => printed.push(l),
        }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      busy.close();
    }
    expect(printed).toEqual([]);
    const store = await openLowdbStore(dir);
    try {
      expect(await store.listWorkspaces()).toEqual([]);
      expect(await store.listApiKeys('default')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('a fresh data directory gets a workspace and an admin key printed once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-server-'));
    const printed: string[] = [];
    const first = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: (l) => printed.push(l),
    });
    expect(first.adminKey).toMatch(/^allot_/);
    expect(printed.join('\n')).toContain(first.adminKey);
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'lowdb' });
    const whoami = await fetch(`${first.url}/api/v1/whoami`, {
      headers: { authorization: `Bearer ${first.adminKey}` },
    });
    expect(await whoami.json()).toMatchObject({ workspace: 'default', role: 'admin' });
    await first.close();
    await first.closed;

    const again: string[] = [];
    const second = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: (l) => again.push(l),
    });
    expect(second.adminKey).toBeNull();
    expect(again).toEqual([]);
    const stillValid = await fetch(`${second.url}/api/v1/whoami`, {
      headers: { 'x-api-key': first.adminKey ?? '' },
    });
    expect(stillValid.status).toBe(200);
    await second.close();
  });

  test('closing waits for jobs in flight, which commit', async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-server-'));
    const server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: () => undefined,
    });
    const headers = { authorization: `Bearer ${server.adminKey ?? ''}` };
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/customers?keyColumn=id',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: CUSTOMERS_CSV,
    });
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      headers,
      payload: samplePool(),
    });
    const started = await server.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers,
      payload: { tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }], waitMs: 0 },
    });
    const { id } = started.json() as { id: number };
    await server.close();

    const reopened = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: () => undefined,
    });
    const job = await fetch(`${reopened.url}/api/v1/jobs/${id}`, { headers });
    expect(await job.json()).toMatchObject({ id, state: 'complete', allocated: 1 });
    await reopened.close();
  });

  test('SIGTERM closes the server', async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-server-'));
    const server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      print: () => undefined,
    });
    process.emit('SIGTERM', 'SIGTERM');
    await server.closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  test('command line options are parsed up front with the accepted values in errors', () => {
    expect(
      parseCliOptions(
        ['--port', '0', '--host', '0.0.0.0', '--data-dir', '/tmp/x', '--log-level', 'warn'],
        {},
      ),
    ).toEqual({
      help: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        dataDir: '/tmp/x',
        storeSpec: '/tmp/x',
        logLevel: 'warn',
      },
    });
    expect(parseCliOptions([], { PORT: '9000' })).toMatchObject({
      options: { port: 9000, host: '127.0.0.1', dataDir: '.allot', storeSpec: '.allot' },
    });
    expect(parseCliOptions(['-h'], {})).toEqual({ help: true });
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow(/integer from 0 to 65535/);
    expect(() => parseCliOptions(['--log-level', 'loud'], {})).toThrow(/trace, debug, info/);
    expect(() => parseCliOptions(['--verbose'], {})).toThrow();
  });
});
