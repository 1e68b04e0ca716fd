import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

const POSTGRES_URL = process.env['ALLOT_TEST_POSTGRES_URL'];
if (POSTGRES_URL === undefined) {
  console.log('CLI on PostgreSQL skipped: set ALLOT_TEST_POSTGRES_URL=postgres://… to run it');
}

const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const exec = promisify(execFile);

describe.skipIf(POSTGRES_URL === undefined)('allot --store postgres://…', () => {
  const database = `allot_cli_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL ?? 'postgres://x');
  url.pathname = `/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let dir: string;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    dir = await mkdtemp(join(tmpdir(), 'allot-cli-pg-'));
    await writeFile(join(dir, 'people.csv'), 'id,status\np1,active\np2,active\np3,locked\n');
    await writeFile(
      join(dir, 'pool.yaml'),
      'pool: people\nkey: id\nblocks:\n  - name: people\n    file: people.csv\ntests:\n  - { suite: s, test: a, find: { where: { status: active } } }\n  - { suite: s, test: b, find: { where: { status: active } } }\n',
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('runs, reads and caches jobs in PostgreSQL, chosen by --store or ALLOT_STORE', async () => {
    const run = (env: Record<string, string> = {}, ...args: string[]) =>
      exec(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...env } });
    const first = await run({}, 'run', 'pool.yaml', '--store', url.toString());
    expect(first.stdout).toMatch(/job 1: 2 allocated/);
    const again = await run({ ALLOT_STORE: url.toString() }, 'run', 'pool.yaml');
    expect(again.stdout).toMatch(/job 1: 2 allocated/);
    const got = await run({ ALLOT_STORE: url.toString() }, 'get', 'people', 's', 'a');
    expect(['p1', 'p2']).toContain((JSON.parse(got.stdout) as { id: string }).id);
  });
});
