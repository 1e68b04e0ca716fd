import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '@allot/store-lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain as MAIN } from './support/cli-main.js';

let dir: string;

function allot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args, '--data-dir', join(dir, 'data')],
      { cwd: dir, env: { ...process.env, ALLOT_DATA_DIR: '', GITHUB_RUN_ID: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-datasets-'));
  await writeFile(
    join(dir, 'customers.csv'),
    ['id,email,status', 'C-1,ann@example.test,active', 'C-2,bob@example.test,locked'].join('\n'),
  );
  await writeFile(
    join(dir, 'shop.yaml'),
    [
      'pool: shop',
      'key: id',
      'blocks:',
      '  - name: customers',
      '    file: customers.csv',
      'tests:',
      '  - suite: checkout',
      '    test: pays',
      '    find: { where: { status: active } }',
      '  - suite: account',
      '    test: "is locked"',
      '    find: { where: { status: locked } }',
    ].join('\n'),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('allot datasets', () => {
  it("turns a job's rows into datasets and exports them for pytest", async () => {
    expect((await allot(['run', 'shop.yaml'])).code).toBe(0);
    const store = await openLowdbStore(join(dir, 'data'));
    const at = new Date().toISOString();
    await store.createProject({
      workspace: 'default',
      name: 'Checkout',
      version: '1.0',
      description: '',
      tags: [],
      members: [],
      createdBy: 'test',
      createdAt: at,
      updatedAt: at,
    });
    await store.close();

    const made = await allot(['datasets', 'from-job', '1', '--project', '1']);
    expect(made.stderr).toBe('');
    expect(made.stdout).toBe(
      'job 1: 2 dataset(s) created, 0 updated in project 1; variables added: id, email, status\n',
    );
    const exported = await allot([
      'datasets',
      'export',
      '--project',
      '1',
      '--format',
      'pytest',
      '--out',
      'ds.py',
    ]);
    expect(exported.code).toBe(0);
    const python = await readFile(join(dir, 'ds.py'), 'utf8');
    expect(python).toContain('("dataset", "id", "email", "status")');
    expect(python).toContain(
      'pytest.param("checkout / pays", "C-1", "ann@example.test", "active", id="checkout / pays"),',
    );
    expect(python).toContain(
      'pytest.param("account / is locked", "C-2", "bob@example.test", "locked", id="account / is locked"),',
    );

    const missing = await allot(['datasets', 'from-job', '9', '--project', '1']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('job 9 does not exist');
  });
});
