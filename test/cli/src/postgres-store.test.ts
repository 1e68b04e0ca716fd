import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTemporaryDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from '@allot/test-support/postgres';
import { cliMain as bin } from './support/cli-main.js';

const POSTGRES_URL = testPostgresUrl('CLI on PostgreSQL');

const exec = promisify(execFile);

describe('allot --store postgres://…', () => {
  let database: TemporaryDatabase | undefined;
  let url: URL;
  let dir: string;

  beforeAll(async () => {
    database = await createTemporaryDatabase(POSTGRES_URL, 'allot_cli');
    url = database.url;
    dir = await mkdtemp(join(tmpdir(), 'allot-cli-pg-'));
    await writeFile(join(dir, 'people.csv'), 'id,status\np1,active\np2,active\np3,locked\n');
    await writeFile(
      join(dir, 'pool.yaml'),
      'pool: people\nkey: id\nblocks:\n  - name: people\n    file: people.csv\ntests:\n  - { suite: s, test: a, find: { where: { status: active } } }\n  - { suite: s, test: b, find: { where: { status: active } } }\n',
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database?.drop();
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
