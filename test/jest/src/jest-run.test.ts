import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSeededServer } from '@allot/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const suiteDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(suiteDir, 'fixtures', 'shop');
const cli = join(suiteDir, 'node_modules', '@allot', 'cli', 'dist', 'main.js');
const jestBin = join(suiteDir, 'node_modules', 'jest', 'bin', 'jest.js');

interface Seen {
  suite: string;
  test: string;
  values: Record<string, unknown>;
}
interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>;
  }>;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-jest-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the fixture suite with the real jest CLI, as a user's `npx jest` would. */
async function runJest(
  name: string,
  env: Record<string, string>,
): Promise<{ json: JestJson; seen: Seen[]; stderr: string }> {
  const seenFile = join(dir, `${name}.seen.jsonl`);
  const outputFile = join(dir, `${name}.jest.json`);
  const args = [
    jestBin,
    '--ci',
    '--json',
    `--outputFile=${outputFile}`,
    `--cacheDirectory=${join(dir, 'cache')}`,
    '--maxWorkers=2',
  ];
  // Run where the user runs it: in the project, which jest finds its config from.
  const outcome = await run(process.execPath, args, {
    cwd: fixture,
    env: { ...process.env, NODE_ENV: 'test', SEEN_FILE: seenFile, ...env },
  }).then(
    (r) => ({ stderr: r.stderr }),
    (e: { stderr: string; code: number }) => {
      expect(e.code, e.stderr).toBe(1); // the one test with no allocation fails, as it should
      return { stderr: e.stderr };
    },
  );
  const json = JSON.parse(await readFile(outputFile, 'utf8')) as JestJson;
  const seen = (await readFile(seenFile, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Seen);
  return { json, seen, stderr: outcome.stderr };
}

function failureOf(json: JestJson, title: string): string {
  const result = json.testResults
    .flatMap((file) => file.assertionResults)
    .find((r) => r.title === title);
  expect(result?.status).toBe('failed');
  return result?.failureMessages.join('\n') ?? '';
}

const EXPECTED = [
  'account / changes the password',
  'account / unlocks the account',
  'checkout / pays with a card',
  'checkout > refunds / refunds an order',
  'checkout > refunds / refunds twice',
  'profile / a test outside any describe',
];

describe('a real jest run with @allot/jest-environment', () => {
  it('gives each test its own row from the results file `allot run` wrote', async () => {
    const results = join(dir, 'allot-results.json');
    await run(process.execPath, [
      cli,
      'run',
      join(fixture, 'pool.yaml'),
      '--data-dir',
      join(dir, '.allot'),
      '--results',
      results,
    ]);
    const file = JSON.parse(await readFile(results, 'utf8')) as { results: Seen[] };

    const { json, seen } = await runJest('file', { ALLOT_RESULTS_FILE: results });

    expect(json.numPassedTests).toBe(6);
    expect(json.numFailedTests).toBe(1);
    expect(seen.map((s) => `${s.suite} / ${s.test}`).sort()).toEqual(EXPECTED);
    expect(new Set(seen.map((s) => s.values.id)).size).toBe(6);
    for (const s of seen) {
      const entry = file.results.find(
        (r) => r.suite === s.suite && r.test === s.test,
      ) as unknown as { values: unknown[] };
      expect(s.values).toEqual(entry.values[0]);
    }
    expect(failureOf(json, 'is missing from the pool file')).toContain(
      `no allocation for pool "shop", suite "account", test "is missing from the pool file" in results file ${results} (job 1). ` +
        'Nearest tests of pool "shop" (suite / test): "account / changes the password", "account / unlocks the account"',
    );
  });

  it('allocates on demand from a real server when there is no results file', async () => {
    const yaml = (await readFile(join(fixture, 'pool.yaml'), 'utf8')).replace(
      /blocks:\n.*\n.*\n/,
      'blocks: [customers]\n',
    );
    const server = await startSeededServer({
      workspace: 'ws-jest',
      block: {
        name: 'customers',
        keyColumn: 'id',
        csv: await readFile(join(fixture, 'customers.csv'), 'utf8'),
      },
      pool: yaml,
    });
    const { url, apiKey: adminKey } = server;
    try {
      const { json, seen, stderr } = await runJest('server', {
        ALLOT_SERVER_URL: url,
        ALLOT_API_KEY: adminKey,
      });

      expect(json.numPassedTests).toBe(6);
      expect(seen.map((s) => `${s.suite} / ${s.test}`).sort()).toEqual(EXPECTED);
      expect(new Set(seen.map((s) => s.values.id)).size).toBe(6);
      expect(failureOf(json, 'is missing from the pool file')).toMatch(
        /job \d+ \(executing pool "shop", suite "account", test "is missing from the pool file"\) ended in Error at http:\/\/127\.0\.0\.1:\d+: .*suite "account" of pool "shop" has no test "is missing from the pool file" \(tests: changes the password, unlocks the account\)/,
      );
      expect(stderr).not.toContain(adminKey);
      expect(JSON.stringify(json)).not.toContain(adminKey);
    } finally {
      await server.close();
    }
  });
});
