import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../start-server.js';

const CLIENT = fileURLToPath(
  new URL('../../../../../examples/testrail/testrail-client.mjs', import.meta.url),
);

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLIENT, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? -1), stdout, stderr }),
    );
  });
}

/** A TestRail-style client script, HTTP Basic with an email and an API key, against a real server on a port. */
describe('a TestRail client against allot serve', () => {
  let dir: string;
  let server: RunningServer;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-testrail-'));
    server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: () => undefined,
      rateLimit: false,
    });
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, updates, lists and deletes a dataset', async () => {
    const admin = {
      authorization: `Bearer ${server.adminKey as string}`,
      'content-type': 'application/json',
    };
    const post = async (path: string, body: object) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };
    await post('/api/v1/users', {
      id: 'jon',
      name: 'Jon',
      email: 'jon@example.test',
      role: 'tester',
    });
    const { key } = await post('/api/v1/keys', { name: 'jon', role: 'tester', userId: 'jon' });
    const { id: project } = await post('/api/v1/projects', { name: 'Checkout' });

    const env = {
      TESTRAIL_URL: server.url,
      TESTRAIL_USER: 'jon@example.test',
      TESTRAIL_KEY: key as string,
    };
    const outcome = await run([String(project)], env);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const calls = outcome.stdout
      .trim()
      .split('\n')
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies of many shapes, as inject().json() does
      .map((line) => JSON.parse(line) as { call: string; body: any });
    expect(calls.map((c) => c.call)).toEqual([
      'add_variable',
      'add_dataset',
      'update_dataset',
      'get_datasets',
      'delete_dataset',
      'get_datasets',
    ]);
    const variable = calls[0]!.body;
    expect(calls[1]!.body).toEqual({
      id: expect.any(Number),
      name: 'Firefox run',
      variables: [{ id: variable.id, name: 'browser', value: 'Firefox' }],
    });
    expect(calls[2]!.body.variables[0].value).toBe('Chrome');
    expect(calls[3]!.body).toMatchObject({
      offset: 0,
      limit: 10,
      size: 2,
      _links: { next: null, prev: null },
    });
    expect(calls[3]!.body.datasets.map((d: { name: string }) => d.name)).toEqual([
      'Default',
      'Chrome run',
    ]);
    expect(calls[5]!.body.datasets.map((d: { name: string }) => d.name)).toEqual(['Default']);

    const refused = await run([String(project)], { ...env, TESTRAIL_KEY: 'wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 401 (Authentication failed');
  });
});
