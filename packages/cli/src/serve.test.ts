import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-serve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('allot serve prints an admin key once, answers on a real port and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--log-level', 'silent', '--data-dir', dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(err);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  const key = /(allot_\S+)/.exec(out)?.[1];
  expect(key).toBeDefined();
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const job = await fetch(`${url}/api/job/1`, { headers: { authorization: `Bearer ${key}` } });
  expect(job.status).toBe(404);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
