import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultsFile } from '@allot/client';
import { rowKeys } from '@allot/test-support/json-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allotRun } from './support/allot-run.js';
import { ALLOCATED_TESTS } from './support/paths.js';
import { RUN_TIMEOUT_MS, runPlaywright } from './support/playwright-run.js';

let dir: string;
let results: ResultsFile;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-pw-file-'));
  results = await allotRun(dir);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npx playwright test with the results file of `allot run`', () => {
  it(
    'passes every test, each with its own rows, read from the file',
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const run = await runPlaywright({
        dir: join(dir, 'all'),
        args: ['--workers', '4', '--grep-invert', '@no-allocation'],
        env: { ALLOT_RESULTS_FILE: results.path },
      });

      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(`${ALLOCATED_TESTS} passed`);
      expect(run.tests).toHaveLength(ALLOCATED_TESTS);
      expect(run.tests.filter((t) => t.status !== 'expected')).toEqual([]);
      // Every test attached what it received; no row went to two tests.
      expect(run.tests.filter((t) => t.data === undefined)).toEqual([]);
      const keys = rowKeys(run.tests);
      expect(keys).toHaveLength(ALLOCATED_TESTS + 1); // "merges two accounts" takes two rows
      expect(new Set(keys).size).toBe(keys.length);

      for (const t of run.tests) {
        const data = t.data!;
        expect(data.source).toBe(`results file ${results.path}`);
        const entry = results.get(data.pool, data.suite, data.test);
        expect(data.rows.map((r) => r.id)).toEqual(entry.values.map((r) => r.id));
        // Secrets are masked in the report: password by its name, card by allotSecrets.
        for (const row of data.rows) {
          if ('password' in row) expect(row.password).toBe('***');
          if ('card' in row) expect(row.card).toBe('***');
        }
      }
      const report = await readFile(join(dir, 'all', 'report.json'), 'utf8');
      const secrets = results.entries
        .flatMap((e) => e.values.flatMap((r) => [r.password, r.card]))
        .filter((value) => value !== undefined);
      expect(secrets.length).toBeGreaterThan(ALLOCATED_TESTS);
      for (const value of secrets) expect(report).not.toContain(String(value));

      const signIn = run.tests.find((t) => t.project === 'browser');
      expect(signIn?.name).toBe('sign-in.spec.ts › signs in and sees the welcome page');
      expect(signIn?.status).toBe('expected');
    },
  );

  it(
    'fails a test with no allocation, naming pool, suite, test and the nearest names',
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const run = await runPlaywright({
        dir: join(dir, 'missing'),
        args: ['--workers', '1', '--grep', '@no-allocation'],
        env: { ALLOT_RESULTS_FILE: results.path },
      });

      expect(run.exitCode).toBe(1);
      expect(run.tests.map((t) => [t.name, t.status])).toEqual([
        ['account.spec.ts › account › deletes the acount', 'unexpected'],
      ]);
      const message =
        `no allocation for pool "web", suite "account.spec.ts", test "account > deletes the acount" in results file ${results.path} (job ${results.jobId}). ` +
        'Nearest tests of pool "web" (suite / test): "account.spec.ts / account > unlocks the account"';
      expect(run.tests[0]?.errors.join('\n')).toContain(message);
      expect(run.stdout).toContain(message);
      expect(run.stdout).toContain(
        'names derived from the Playwright title path ["account.spec.ts","account","deletes the acount"] with allotSuite "file"',
      );
    },
  );
});
