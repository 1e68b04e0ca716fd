import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '@allot/store-lowdb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliMain as MAIN } from './support/cli-main.js';

// These tests run the built CLI the way a user does: `pnpm exec tsc -b` first.

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

/** Runs `allot` in the temp directory, whose `.allot` is the data directory by default. */
function allot(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: dir, env: { ...process.env, ALLOT_DATA_DIR: '', GITHUB_RUN_ID: '', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const CUSTOMERS = [
  'id,email,password,status,city',
  'C-1,ann@example.test,secret-1,active,Berlin',
  'C-2,bob@example.test,secret-2,active,"Washington, D.C."',
  'C-3,cy@example.test,secret-3,locked,"The ""Big"" Apple"',
  'C-4,dee@example.test,secret-4,active,Paris',
].join('\n');

function poolYaml(tests: string): string {
  return [
    'pool: shop',
    'key: id',
    'blocks:',
    '  - name: customers',
    '    file: customers.csv',
    'secrets: [password]',
    'tests:',
    tests,
  ].join('\n');
}

const TESTS = `
  - suite: checkout
    test: pays
    find: { where: { status: active } }
  - suite: checkout
    test: pays twice
    count: 2
    find: { where: { status: active } }
    columns: [id, email]
  - suite: account
    test: signs up
    find: { where: { status: new } }
    make:
      columns:
        id: { sequence: { start: 100, prefix: N- } }
        email: 'qa+{{run.namespace}}@example.test'
        status: new
`;

beforeAll(() => {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: build with \`pnpm exec tsc -b\` first`);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-cli-'));
  await writeFile(join(dir, 'customers.csv'), CUSTOMERS);
  await writeFile(join(dir, 'shop.yaml'), poolYaml(TESTS));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('allot run', () => {
  it('allocates, prints a table, writes the results file and exits 0', async () => {
    const run = await allot(['run', 'shop.yaml', '--namespace', 'ns1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported customers@1.0 (4 rows)');
    expect(run.stdout).toMatch(/pool +suite +test +status +values/);
    expect(run.stdout).toMatch(
      /shop +checkout +pays +allocated +id=C-\d, email=\S+, password=\*\*\*/,
    );
    expect(run.stdout).toMatch(
      /shop +account +signs up +made +id=N-100, email=qa\+ns1@example\.test/,
    );
    expect(run.stdout).toMatch(
      /job 1: 2 allocated, 1 made, 0 reused, 0 failed \(leases until \S+\)/,
    );
    expect(run.stdout).not.toContain('secret-');

    const results = JSON.parse(await readFile(join(dir, 'allot-results.json'), 'utf8'));
    expect(results).toMatchObject({ jobId: 1, namespace: 'ns1', expiresAt: expect.any(String) });
    const twice = results.results.find((r: { test: string }) => r.test === 'pays twice');
    expect(twice).toMatchObject({
      pool: 'shop',
      suite: 'checkout',
      status: 'allocated',
      reason: null,
    });
    expect(twice.values).toHaveLength(2);
    expect(Object.keys(twice.values[0])).toEqual(['id', 'email']);
    const ids = results.results.flatMap((r: { values: Array<{ id: string }> }) =>
      r.values.map((v) => v.id),
    );
    expect(new Set(ids).size).toBe(ids.length);

    const again = await allot(['run', 'shop.yaml', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ jobId: 1, cached: true, failed: 0 });
  });

  it('exits 1 and prints the reason when a test gets no rows', async () => {
    const tests = `${TESTS}
  - suite: admin
    test: unlocks two accounts
    count: 2
    find: { where: { status: locked } }
`;
    await writeFile(join(dir, 'shop.yaml'), poolYaml(tests));
    const run = await allot(['run', 'shop.yaml', '--results', 'out/results.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/shop +admin +unlocks two accounts +failed/);
    expect(run.stdout).toContain('1 failed');
    expect(run.stdout).toMatch(
      /failed shop\/admin\/unlocks two accounts: .*status = locked.*1 row qualif/,
    );
    const results = JSON.parse(await readFile(join(dir, 'out/results.json'), 'utf8'));
    const failed = results.results.find((r: { status: string }) => r.status === 'failed');
    expect(failed.reason).toContain('qualif');
  });

  it('exits 2 on an invalid pool file, naming the file and the path in it', async () => {
    const tests = `
  - suite: checkout
    test: pays
    find: { where: { status: { gtx: 1 } } }
`;
    await writeFile(join(dir, 'broken.yaml'), poolYaml(tests));
    const run = await allot(['run', 'broken.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('allot: ');
    expect(run.stderr).toContain('broken.yaml');
    expect(run.stderr).toContain('tests[0].find.where.status');
    expect(existsSync(join(dir, 'allot-results.json'))).toBe(false);
    const missing = await allot(['run', 'missing.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml');
  });

  it('forecasts a dry run without writing a job', async () => {
    const run = await allot(['run', 'shop.yaml', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /pool +block +tests +demand +qualifying +free +matched +makes +short +find/,
    );
    expect(run.stdout).toContain('nothing was written');
    expect((await allot(['jobs'])).stdout).toBe('no jobs yet\n');
  });

  it('runs only the tests a --tests file names, failing one no pool file has', async () => {
    await writeFile(
      join(dir, 'tests.json'),
      JSON.stringify([
        { pool: 'shop', suite: 'checkout', test: 'pays twice' },
        { pool: 'shop', suite: 'checkout', test: 'pays thrice' },
      ]),
    );
    const run = await allot(['run', 'shop.yaml', '--tests', 'tests.json', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(await readFile(join(dir, 'allot-results.json'), 'utf8'));
    expect(
      results.results.map((r: { test: string; status: string }) => [r.test, r.status]),
    ).toEqual([
      ['pays twice', 'allocated'],
      ['pays thrice', 'failed'],
    ]);
    await writeFile(join(dir, 'bad.json'), JSON.stringify([{ pool: 'shop', suite: 'checkout' }]));
    const bad = await allot(['run', 'shop.yaml', '--tests', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tests bad.json: expected a JSON array');
  });

  it('exits 2 on a bad option', async () => {
    const run = await allot(['run', 'shop.yaml', '--ttl', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--ttl');
  });
});

describe('allot get, release, jobs', () => {
  it('reads values back, releases them, and explains what is missing', async () => {
    expect((await allot(['run', 'shop.yaml'])).code).toBe(0);

    const one = await allot(['get', 'shop', 'checkout', 'pays']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      id: expect.stringMatching(/^C-/),
      password: expect.stringMatching(/^secret-/),
    });
    const two = JSON.parse((await allot(['get', 'shop', 'checkout', 'pays twice'])).stdout);
    expect(two).toHaveLength(2);
    const all = JSON.parse((await allot(['get', 'shop', 'checkout', 'pays', '--all'])).stdout);
    expect(all).toMatchObject({ pool: 'shop', suite: 'checkout', test: 'pays', jobId: 1 });

    const unknownPool = await allot(['get', 'nope', 'checkout', 'pays']);
    expect(unknownPool.code).toBe(1);
    expect(unknownPool.stderr).toContain('pool "nope" is unknown');
    const unknownTest = await allot(['get', 'shop', 'checkout', 'refunds']);
    expect(unknownTest.code).toBe(1);
    expect(unknownTest.stderr).toContain('has no test "refunds"');

    const test = await allot([
      'release',
      '--pool',
      'shop',
      '--suite',
      'checkout',
      '--test',
      'pays',
    ]);
    expect(test.stdout).toBe('shop/checkout/pays: released 1 row\n');
    const job = await allot(['release', '1']);
    expect(job.code).toBe(0);
    expect(job.stdout).toBe('job 1: released 3 rows\n');
    expect((await allot(['release', 'one'])).code).toBe(2);
    expect((await allot(['release', '7'])).stderr).toContain('job 7 does not exist');

    const jobs = await allot(['jobs']);
    expect(jobs.stdout).toMatch(/ 1 +\S+ +complete +2\/1\/0 +released /);
  }, 90_000); // eleven CLI processes one after another: a loaded CI machine takes its time
});

describe('allot import and export', () => {
  it('round-trips a CSV with quoted fields, and exports JSON', async () => {
    const imported = await allot(['import', 'customers.csv', '--block', 'people', '--key', 'id']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      'people@1.0: 4 rows, columns: id, email, password, status, city\n',
    );

    const csv = await allot(['export', 'people']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(CUSTOMERS.replaceAll('\n', '\r\n') + '\r\n');

    await writeFile(join(dir, 'exported.csv'), csv.stdout);
    const again = await allot(['import', 'exported.csv', '--block', 'people']);
    expect(again.stdout).toContain('people@1.1: 4 rows');

    const json = await allot(['export', 'people', '--version', '1.0', '--format', 'json']);
    const rows = JSON.parse(json.stdout);
    expect(rows[2]).toEqual({
      id: 'C-3',
      email: 'cy@example.test',
      password: 'secret-3',
      status: 'locked',
      city: 'The "Big" Apple',
    });

    const missing = await allot(['export', 'people', '--version', '9.9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('allot: version 9.9 of data block "people" does not exist\n');
  });

  it('exports formula cells neutralised in every text format, numbers untouched', async () => {
    await writeFile(join(dir, 'hostile.csv'), 'id,note\nH-1,=1+1\nH-2,"  @SUM(A1)"\nH-3,-12.50\n');
    expect((await allot(['import', 'hostile.csv', '--block', 'hostile'])).code).toBe(0);
    const csv = await allot(['export', 'hostile']);
    expect(csv.stdout).toBe("id,note\r\nH-1,'=1+1\r\nH-2,'  @SUM(A1)\r\nH-3,-12.50\r\n");
    const tsv = await allot(['export', 'hostile', '--format', 'tsv']);
    expect(tsv.stdout).toBe("id\tnote\r\nH-1\t'=1+1\r\nH-2\t'  @SUM(A1)\r\nH-3\t-12.50\r\n");
    const pipe = await allot(['export', 'hostile', '--format', 'pipe']);
    expect(pipe.stdout).toContain("H-1|'=1+1\r\n");
  });

  it('exports in every format of the server downloads: a SQLite file, an 834 for a template, a row alone', async () => {
    await writeFile(
      join(dir, 'members.csv'),
      'member_id,first_name,last_name,record_type\nM1,Ann,Lee,S\nM2,Bob,Ray,D\n',
    );
    expect((await allot(['import', 'members.csv', '--block', 'members'])).code).toBe(0);
    const sqlite = await allot(['export', 'members', '--format', 'sqlite']);
    expect(sqlite.code).toBe(0);
    expect(sqlite.stdout.startsWith('SQLite format 3')).toBe(true);
    const x12 = await allot(['export', 'members', '--format', 'x12-834', '--template', 'ga']);
    expect(x12.stdout).toMatch(/^ISA\*/);
    expect(x12.stdout.match(/~\s*INS\*/g)).toHaveLength(2);
    const one = await allot(['export', 'members', '--format', 'x12-834', '--record', '1']);
    expect(one.stdout.match(/~\s*INS\*/g)).toHaveLength(1);
    const seq = await allot(['export', 'members', '--format', 'csv-seq']);
    expect(seq.stdout).toContain('1,M1,Ann,Lee,S');
    const bad = await allot(['export', 'members', '--format', 'docx']);
    expect(bad.code).not.toBe(0);
  });

  it('rejects a file whose keys repeat with exit 2', async () => {
    await writeFile(join(dir, 'dupes.csv'), 'id,name\n1,a\n1,b\n');
    const run = await allot(['import', 'dupes.csv', '--block', 'dupes', '--key', 'id']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^allot: dupes\.csv: .*"1"/);
  });
});

describe('the embedded store', () => {
  it('takes a --data-dir given on the command line over ALLOT_STORE, as allot-server does', async () => {
    const unreachable = { ALLOT_STORE: 'postgres://allot@127.0.0.1:1/nowhere' };
    const run = await allot(['jobs', '--data-dir', join(dir, 'chosen')], unreachable);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const fromEnv = await allot(['jobs'], unreachable);
    expect(fromEnv.code).not.toBe(0);
  });

  it('refuses a second process while one holds the data directory', async () => {
    const dataDir = join(dir, 'held');
    const store = await openLowdbStore(dataDir);
    try {
      const run = await allot(['jobs', '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^allot: .* is in use by process \d+/);
    } finally {
      await store.close();
    }
    expect((await allot(['jobs', '--data-dir', dataDir])).code).toBe(0);
  });
});
