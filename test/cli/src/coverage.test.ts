import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WORKSPACE } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';
import {
  calculateSetCoverage,
  createCoverageSet,
  createDeterminingAttribute,
  createProject,
  EventLog,
  importBlockVersion,
} from '@allot/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain as MAIN } from './support/cli-main.js';

let dir: string;

function allot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        cwd: dir,
        env: {
          ...process.env,
          ALLOT_DATA_DIR: join(dir, '.allot'),

          GITHUB_RUN_ID: '',
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A project with a calculated coverage set over an accounts block, in the data directory. */
async function seed(dataDir: string): Promise<void> {
  const store = await openLowdbStore(dataDir);
  try {
    const acting = {
      workspace: DEFAULT_WORKSPACE,
      actor: 'user:ann',
      user: 'ann',
      ip: null,
      now: new Date('2030-01-01T00:00:00Z'),
    };
    const events = new EventLog(store);
    await createProject(store, events, { name: 'payments', version: '1.0' }, acting);
    await importBlockVersion(store, {
      workspace: DEFAULT_WORKSPACE,
      block: 'accounts',
      text: 'id,account_type,has_app\nA1,Checking,0\nA2,Savings,1\nA3,Savings,0',
      source: 'accounts.csv',
      keyColumn: 'id',
    });
    const where = { workspace: DEFAULT_WORKSPACE, project: { name: 'payments', version: '1.0' } };
    for (const [name, values, column] of [
      ['acct_type', ['Checking', 'Savings'], 'account_type'],
      ['has_app', ['0', '1'], 'has_app'],
    ] as const) {
      await createDeterminingAttribute(
        store,
        {
          ...where,
          attribute: {
            name,
            type: 'VALUE',
            values: [...values],
            source: { name: 'accounts', version: '1.0', attribute: column },
          },
        },
        acting,
      );
    }
    await createCoverageSet(
      store,
      {
        ...where,
        set: {
          name: 'accounts_coverage',
          determiningAttributes: [
            { name: 'acct_type', version: '1.0' },
            { name: 'has_app', version: '1.0' },
          ],
        },
      },
      acting,
    );
    await calculateSetCoverage(
      store,
      events,
      { ...where, coverageSet: { name: 'accounts_coverage', version: '1.0' }, strength: 'all' },
      acting,
    );
  } finally {
    await store.close();
  }
}

describe('allot coverage allocate', () => {
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-coverage-'));
    await seed(join(dir, '.allot'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('allocates existing rows and makes the missing combination; without makes it exits 1 naming what no row has', async () => {
    const planned = await allot([
      'coverage',
      'allocate',
      'payments@1.0',
      'accounts_coverage',
      '1.0',
      '--no-makes',
      '--dry-run',
    ]);
    expect(planned.stderr, planned.stderr).toBe('');
    expect(planned.stdout).toContain('accounts_coverage@1.0 (existing-rows), dry run');
    expect(planned.stdout).toContain('existing rows cover 3 of 4 tuples; no row has 1');

    const run = await allot(['coverage', 'allocate', 'payments@1.0', 'accounts_coverage', '1.0']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('job 1: 3 allocated, 1 made, 0 failed');
    expect(run.stdout).toMatch(/made\s+2: acct_type=Checking, has_app=1/);

    const values = await allot([
      'get',
      'accounts_coverage@1.0',
      'calculation 1.0',
      '2: acct_type=Checking, has_app=1',
    ]);
    expect(JSON.parse(values.stdout)).toMatchObject({ account_type: 'Checking', has_app: '1' });

    // Every row is leased now: without makes, nothing is left to allocate.
    const again = await allot([
      'coverage',
      'allocate',
      'payments@1.0',
      'accounts_coverage',
      '1.0',
      '--no-makes',
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/failed\s+row 1: id=A1: .*leased/);
  }, 60_000);
});
