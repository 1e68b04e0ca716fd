import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSeededServer } from '@allot/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeatureTests } from '@allot/cucumber/discovery';

const exec = promisify(execFile);
const suiteDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(suiteDir, 'fixtures');
const cli = join(suiteDir, 'node_modules', '@allot', 'cli', 'dist', 'main.js');
const prepareBin = join(suiteDir, 'node_modules', '@allot', 'cucumber', 'dist', 'main.js');
const cucumberBin = join(suiteDir, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const FEATURES = [
  join(fixtures, 'features', 'checkout.feature'),
  join(fixtures, 'features', 'account.feature'),
];

interface Seen {
  pool: string;
  suite: string;
  test: string;
  pid: number;
  id?: string;
  email?: string;
  vendor?: boolean;
  table?: Array<Record<string, string>>;
}

let dir: string;
let runs = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-cucumber-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the real cucumber-js with TypeScript steps, the way a user's CI does. */
async function cucumber(
  paths: string[],
  options: { env?: Record<string, string>; args?: string[] } = {},
) {
  runs += 1;
  const seenFile = join(dir, `seen-${runs}.jsonl`);
  const args = [cucumberBin, ...paths, '--import', 'fixtures/steps/*.ts', ...(options.args ?? [])];
  const env = { ...process.env, NODE_OPTIONS: '--import tsx', SEEN_FILE: seenFile, ...options.env };
  const outcome = await exec(process.execPath, args, { cwd: suiteDir, env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      out: e.stdout + e.stderr,
    }),
  );
  const seen = await readFile(seenFile, 'utf8').then(
    (text) =>
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Seen),
    () => [] as Seen[],
  );
  return { ...outcome, seen };
}

const WORLD = ['--world-parameters', JSON.stringify({ allot: { pool: 'shop' } })];

describe('real cucumber-js runs with @allot/cucumber', () => {
  let results: string;

  beforeAll(async () => {
    results = join(dir, 'allot-results.json');
    await exec(process.execPath, [
      cli,
      'run',
      join(fixtures, 'shop', 'pool.yaml'),
      '--data-dir',
      join(dir, '.allot'),
      '--results',
      results,
    ]);
  });

  it('gives every scenario and outline row its own row, in 2 parallel workers', async () => {
    const run = await cucumber(FEATURES, {
      env: { ALLOT_RESULTS_FILE: results },
      args: [...WORLD, '--parallel', '2'],
    });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('9 scenarios (9 passed)');
    // One line per sign-in; the names are the ones discovery computes from the feature files.
    const discovered = (await listFeatureTests(FEATURES)).map((t) => `${t.suite} / ${t.test}`);
    const signedIn = run.seen.map((s) => `${s.suite} / ${s.test}`);
    expect(signedIn.sort()).toEqual(
      discovered.filter((name) => name !== 'Account / reads the terms').sort(),
    );
    expect(new Set(run.seen.map((s) => s.id)).size).toBe(8);
    expect(new Set(run.seen.map((s) => s.pid)).size).toBe(2);
    const file = JSON.parse(await readFile(results, 'utf8')) as {
      results: Array<{ suite: string; test: string; values: Array<{ id: string }> }>;
    };
    for (const s of run.seen) {
      expect(s.id).toBe(
        file.results.find((r) => r.suite === s.suite && r.test === s.test)?.values[0]?.id,
      );
    }
  });

  it('fails a scenario with no allocation, naming pool, suite, test and the nearest tests', async () => {
    const run = await cucumber([join(fixtures, 'features', 'missing.feature')], {
      env: { ALLOT_RESULTS_FILE: results },
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `no allocation for pool "shop", suite "Checkout", test "pays with a stolen card" in results file ${results} (job 1). Nearest tests of pool "shop" (suite / test): "Checkout / pays with a saved card"`,
    );
  });

  it('runs a feature file with vendor placeholders unchanged, after allot-cucumber prepare', async () => {
    const source = join(fixtures, 'vendor', 'legacy.feature');
    const before = await readFile(source, 'utf8');
    const out = join(dir, 'prepared');
    const poolFile = join(fixtures, 'shop', 'pool.yaml');
    const prepared = await exec(process.execPath, [
      prepareBin,
      'prepare',
      join(fixtures, 'vendor'),
      '--out',
      out,
      '--base',
      fixtures,
      '--pool-files',
      poolFile,
      '--data-dir',
      join(dir, '.allot-vendor'),
    ]);
    expect(prepared.stdout).toMatch(
      /1 feature file\(s\), 4 placeholder\(s\), 2 test\(s\), job \d+; written to /,
    );
    expect(await readFile(source, 'utf8')).toBe(before);

    const run = await cucumber([out]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('2 scenarios (2 passed)');
    const [signIn, table] = run.seen;
    expect(signIn?.email).toMatch(/@example\.test$/);
    expect(table?.table?.map((row) => row.id).sort()).toEqual(['C-11', 'C-12']);
  });

  it('reads placeholders from a results file, and names a placeholder whose test has no data, writing nothing', async () => {
    const features = join(dir, 'bad');
    await mkdir(features, { recursive: true });
    const feature = [
      'Feature: bad',
      '  Scenario: x',
      '    When I sign in as "@Data(poolName=shop, suiteName=legacy, test=signs in)[0][email]"',
    ];
    feature.push(
      '    And I sign in as "@Data(poolName=shop, suiteName=legacy, test=no such test)[0][email]"',
    );
    await writeFile(join(features, 'bad.feature'), feature.join('\n'));
    const out = join(dir, 'not-prepared');
    const failed = await exec(process.execPath, [
      prepareBin,
      'prepare',
      features,
      '--out',
      out,
      '--base',
      dir,
      '--results',
      results,
    ]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(
      'allot-cucumber: 1 of 2 test(s) named by placeholders got no data:\n  pool "shop", suite "legacy", test "no such test" (first used at ',
    );
    expect(failed?.stderr).toContain(
      'bad.feature:4): no allocation for pool "shop", suite "legacy", test "no such test" in results file',
    );
    await expect(readFile(join(out, 'bad.feature'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('@allot/cucumber against a real server', () => {
  it('allocates each scenario on demand, releases it after, and prepares vendor files through the server', async () => {
    const yaml = (await readFile(join(fixtures, 'shop', 'pool.yaml'), 'utf8')).replace(
      /blocks:\n.*\n.*\n/,
      'blocks: [customers]\n',
    );
    const server = await startSeededServer({
      workspace: 'ws-cucumber',
      block: {
        name: 'customers',
        keyColumn: 'id',
        csv: await readFile(join(fixtures, 'shop', 'customers.csv'), 'utf8'),
      },
      pool: yaml,
    });
    const { url, apiKey: adminKey } = server;
    const auth = { authorization: `Bearer ${adminKey}` };
    try {
      const env = { ALLOT_SERVER_URL: url, ALLOT_API_KEY: adminKey };
      const run = await cucumber(FEATURES, { env, args: [...WORLD, '--parallel', '2'] });
      expect(run.code, run.out).toBe(0);
      expect(new Set(run.seen.map((s) => s.id)).size).toBe(8);
      expect(run.out).not.toContain(adminKey);

      // Again, releasing after each scenario: the same rows (the server keeps results), then released.
      const release = [
        '--world-parameters',
        JSON.stringify({ allot: { pool: 'shop', release: true } }),
      ];
      const again = await cucumber(FEATURES, { env, args: release });
      expect(again.code, again.out).toBe(0);
      expect(again.seen.map((s) => s.id).sort()).toEqual(run.seen.map((s) => s.id).sort());
      const jobs = (await (
        await fetch(`${url}/api/v1/jobs?limit=100`, { headers: auth })
      ).json()) as { items: Array<{ id: number }> };
      // One on-demand job per scenario of the first run, answering the second run too, and
      // "reads the terms" once per run: it is not in the pool, so its job failed and is not reused.
      expect(jobs.items.length).toBe(10);
      let released = 0;
      for (const job of jobs.items) {
        const status = (await (
          await fetch(`${url}/api/v1/jobs/${job.id}`, { headers: auth })
        ).json()) as {
          tests: Array<{ status: string; releasedAt: string | null }>;
        };
        for (const t of status.tests.filter((t) => t.status !== 'failed')) {
          expect(t.releasedAt).not.toBeNull();
          released += 1;
        }
      }
      expect(released).toBe(8);

      const out = join(dir, 'prepared-server');
      const prepared = await exec(
        process.execPath,
        [
          prepareBin,
          'prepare',
          join(fixtures, 'vendor'),
          '--out',
          out,
          '--base',
          fixtures,
          '--server-url',
          url,
        ],
        {
          env: { ...process.env, ALLOT_API_KEY: adminKey },
        },
      );
      expect(prepared.stdout).toContain('2 test(s), job');
      expect(await readFile(join(out, 'vendor', 'legacy.feature'), 'utf8')).toMatch(
        /\| C-1[123] \| \w+@example\.test \|/,
      );
    } finally {
      await server.close();
    }
  });
});
