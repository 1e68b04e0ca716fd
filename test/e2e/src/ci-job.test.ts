import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllotClient, readResultsFile } from '@allot/client';
import { rowKeys } from '@allot/test-support/json-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionStep } from './support/action-step.js';
import { startAllotServe, type AllotServe } from './support/allot-serve.js';
import { projectPath, repoRoot } from './support/paths.js';
import { runPlaywright } from './support/playwright-run.js';

/**
 * The project's tests the discovery finds in no pool: one on purpose
 * (`@no-allocation`), and one whose file sets `allotSuite: { name: 'profile' }`
 * while the action names every suite by its file. The test run leaves both out.
 */
const MISSING = [
  'account.spec.ts / account > deletes the acount',
  'suite-naming.spec.ts / edits the profile',
];
const LEFT_OUT = '@no-allocation|edits the profile';

/** Server start, two action runs with discovery, a 4-worker Playwright run, two post steps. */
const JOB_TIMEOUT_MS = 120_000;

let dir: string;
let server: AllotServe;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-e2e-'));
  server = await startAllotServe(join(dir, 'data'));
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await rm(dir, { recursive: true, force: true });
});

/** The action's `with:` block, as a user's workflow would write it. */
const withInputs = (resultsFile: string) => ({
  'server-url': server.url,
  'api-key': server.apiKey,
  'working-directory': projectPath,
  'pool-files': 'allot/pool.yaml',
  discover: 'playwright',
  // The project's allotSuite option: the default, the spec file's path.
  'suite-naming': 'file',
  'results-file': resultsFile,
});

/** The job as the server reports it; throws unless the server answers 2xx with a job. */
const jobOnServer = (id: string) =>
  new AllotClient({ baseUrl: server.url, apiKey: server.apiKey }).jobStatus(Number(id));

describe('a CI job: the action in server mode, npx playwright test, the post step', () => {
  it(
    'allocates the discovered tests, runs them on 4 workers with distinct rows, and frees the rows after',
    { timeout: JOB_TIMEOUT_MS },
    async () => {
      const inputs = withInputs(join(dir, 'allot-results.json'));
      const main = await runActionStep('main', { cwd: repoRoot, inputs });
      expect(main.code, main.stdout + main.stderr).toBe(0);
      expect(main.stdout).toContain('uploaded pool "web" (16 tests)');
      expect(main.outputs).toMatchObject({ allocated: '15', made: '0', reused: '0', failed: '0' });
      expect(main.outputs['missing']).toBe(String(MISSING.length));
      for (const test of MISSING) expect(main.stdout).toContain(`(any pool) / ${test}`);
      const jobId = main.outputs['job-id'] ?? '';
      expect(jobId).toMatch(/^\d+$/);
      const resultsPath = main.env['ALLOT_RESULTS_FILE'] ?? '';
      expect(resultsPath).toBe(inputs['results-file']);
      expect(main.outputs['results-file']).toBe(resultsPath);
      const results = await readResultsFile(resultsPath);
      expect(String(results.jobId)).toBe(jobId);
      expect(results.entries).toHaveLength(15);

      // The test step: the job's variables, no server URL, so the fixture reads the file.
      const run = await runPlaywright({
        dir: join(dir, 'run'),
        args: ['--workers', '4', '--grep-invert', LEFT_OUT],
        env: { ALLOT_RESULTS_FILE: resultsPath },
      });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('15 passed');
      expect(run.tests).toHaveLength(results.entries.length);
      expect(run.tests.filter((t) => t.status !== 'expected')).toEqual([]);
      expect(new Set(run.tests.map((t) => t.project))).toEqual(new Set(['data', 'browser']));
      expect(run.tests.filter((t) => t.data === undefined)).toEqual([]);
      for (const t of run.tests) {
        const data = t.data!;
        expect(data.source).toBe(`results file ${resultsPath}`);
        const entry = results.get(data.pool, data.suite, data.test);
        expect(data.rows.map((r) => r.id)).toEqual(entry.values.map((r) => r.id));
      }
      // No row went to two tests ("merges two accounts" takes two rows).
      const keys = rowKeys(run.tests);
      expect(keys).toHaveLength(16);
      expect(new Set(keys).size).toBe(keys.length);
      const held = results.entries.flatMap((e) => e.values.map((row) => String(row.id)));
      expect([...keys].sort()).toEqual([...held].sort());

      expect((await jobOnServer(jobId)).releasedAt).toBeNull();
      const post = await runActionStep('post', { cwd: repoRoot, inputs, state: main.state });
      expect(post.code, post.stdout + post.stderr).toBe(0);
      expect(post.stdout).toContain(`released job ${jobId}: ${held.length} rows back in the pool`);
      expect((await jobOnServer(jobId)).releasedAt).not.toBeNull();

      // The next pipeline. Had job 1 kept its leases, the server would answer the
      // same bundle with job 1 itself; released, it runs as a new job, and as the
      // pool has 20 active rows and each job takes 15, it retakes at least 10 of them.
      const next = withInputs(join(dir, 'next-results.json'));
      const again = await runActionStep('main', { cwd: repoRoot, inputs: next });
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(again.outputs).toMatchObject({ allocated: '15', reused: '0', failed: '0' });
      expect(again.outputs['job-id']).not.toBe(jobId);
      const nextResults = await readResultsFile(next['results-file']);
      expect(nextResults.entries.filter((e) => e.status !== 'allocated')).toEqual([]);
      const retaken = nextResults.entries
        .flatMap((e) => e.values.map((row) => String(row.id)))
        .filter((id) => held.includes(id));
      expect(retaken.length).toBeGreaterThanOrEqual(10);
      const nextPost = await runActionStep('post', {
        cwd: repoRoot,
        inputs: next,
        state: again.state,
      });
      expect(nextPost.code, nextPost.stdout + nextPost.stderr).toBe(0);
    },
  );
});
