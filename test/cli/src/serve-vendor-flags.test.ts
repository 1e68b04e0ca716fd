import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchOutput } from '@allot/test-support/child-output';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cliMain as bin } from './support/cli-main.js';

let dir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-serve-vendor-'));
});
afterEach(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** `allot serve` on a fresh data directory with extra flags: its URL and the admin key it printed. */
async function serve(flags: string[]): Promise<{ url: string; key: string }> {
  const args = [bin, 'serve', '--port', '0', '--log-level', 'silent', '--data-dir', dir, ...flags];
  const started = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  // The URL comes on stderr and the key on stdout, two pipes read separately: wait for both.
  const output = watchOutput(started);
  const [listening, printed] = await Promise.all([
    output.waitFor('stderr', /serving on (http:\/\/\S+)/),
    output.waitFor('stdout', /(allot_\S+)/),
  ]);
  const [url, key] = [listening[1] as string, printed[1] as string];
  const auth = { authorization: `Bearer ${key}` };
  const block = await fetch(`${url}/api/v1/blocks/customers?keyColumn=id`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: ['id,status', ...Array.from({ length: 200 }, (_, i) => `C-${i},active`)].join('\n'),
  });
  expect(block.status).toBeLessThan(300);
  const tests = Array.from({ length: 50 }, (_, i) => ({
    suite: 'checkout',
    test: `pays ${i}`,
    find: { where: { status: 'active' } },
  }));
  const pool = await fetch(`${url}/api/v1/pools/shop`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ pool: 'shop', key: 'id', blocks: ['customers'], tests }),
  });
  expect(pool.status).toBeLessThan(300);
  return { url, key };
}

const bundle = Array.from({ length: 50 }, (_, i) => ({
  allocationTestName: `pays ${i}`,
  poolName: 'shop',
  suiteName: 'checkout',
}));

it('--sync-wait-ms 0: a vendor execute on a machine name answers at once, and the job is polled to Complete', async () => {
  const { url, key } = await serve(['--sync-wait-ms', '0']);
  const executed = await fetch(
    `${url}/api/apikey/${key}/allocation-pool/shop/resolve/server/DESKTOP-ABC123/execute`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bundle),
    },
  );
  expect(executed.status).toBe(200);
  const job = (await executed.json()) as { id: number; jobState: string };
  // Without the flag the server waits up to 10 s, and a job this small is Complete in the answer.
  expect(['InQueue', 'InProgress']).toContain(job.jobState);
  let state = job.jobState;
  for (let i = 0; i < 200 && state !== 'Complete' && state !== 'Error'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const polled = await fetch(`${url}/api/apikey/${key}/job/${job.id}`);
    state = ((await polled.json()) as { jobState: string }).jobState;
  }
  expect(state).toBe('Complete');
  const value = await fetch(
    `${url}/api/apikey/${key}/allocation-pool/shop/suite/checkout/allocated-test/pays%207/result/value`,
  );
  expect(await value.json()).toMatchObject({ id: expect.stringMatching(/^C-\d+$/) as string });
});

it('--strict-server-names: a machine name is a 404; springdoc paths lead to the docs', async () => {
  const { url, key } = await serve(['--strict-server-names']);
  const executed = await fetch(
    `${url}/api/apikey/${key}/allocation-pool/shop/resolve/server/DESKTOP-ABC123/execute`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bundle),
    },
  );
  expect(executed.status).toBe(404);
  expect(await executed.json()).toMatchObject({ code: 'UNKNOWN_SERVER' });
  for (const [from, to] of [
    ['/swagger-ui.html', '/docs'],
    ['/v3/api-docs', '/openapi.json'],
  ] as const) {
    const redirect = await fetch(`${url}${from}`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(to);
  }
  const followed = await fetch(`${url}/v3/api-docs`);
  expect(((await followed.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  expect((await fetch(`${url}/swagger-ui.html`)).status).toBe(200);
});
