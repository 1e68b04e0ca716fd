import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readResultsFile } from '@allot/client';
import { childEnv } from '@allot/test-support/child-env';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, type Workspace } from './support/workspace.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
/** local-action's own command line (its bin starts this file with tsx). */
const LOCAL_ACTION = createRequire(import.meta.url).resolve('@github/local-action');
const TSX = join(PACKAGE, 'node_modules', '.bin', 'tsx');

interface LocalRun {
  code: number;
  output: string;
}

/**
 * Runs `local-action run . src/main.ts <env> --post src/post-main.ts` from
 * the package directory, as its bin would for a pnpm project: local-action
 * imports each entry, stubs `@actions/core`, calls the entry's exported
 * `run()`, and hands the main step's saved state to the post step. (The bin
 * picks pnpm from a `packageManager` field, which this workspace does not
 * set, and would fetch tsx through `pnpm dlx`; its tsx is installed here.)
 */
async function localAction(env: Record<string, string>, pathDir: string): Promise<LocalRun> {
  const dir = await mkdtemp(join(tmpdir(), 'allot-local-action-'));
  try {
    const dotenv = join(dir, '.env');
    await writeFile(
      dotenv,
      Object.entries(env)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    );
    const run = await promisify(execFile)(
      TSX,
      [LOCAL_ACTION, 'run', '.', 'src/main.ts', dotenv, '--post', 'src/post-main.ts'],
      {
        cwd: PACKAGE,
        env: childEnv({
          TARGET_ACTION_PATH: PACKAGE,
          NODE_PACKAGE_MANAGER: 'pnpm',
          NO_COLOR: '1',
          PATH: `${pathDir}${delimiter}${process.env['PATH'] ?? ''}`,
        }),
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { code?: number; stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      stderr: '',
      code: error.code ?? 1,
    }));
    return { code: 'code' in run ? Number(run.code) : 0, output: run.stdout + run.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The value local-action printed for an output in its closing table (after the metadata's). */
function outputOf(output: string, name: string): string | undefined {
  const table = output.slice(output.lastIndexOf('Action Outputs'));
  return new RegExp(`'${name}'\\s*│\\s*'([^']*)'`).exec(table)?.[1];
}

// Each run starts tsx and local-action and imports the sources: allow for a busy machine.
describe('both steps under @github/local-action', { timeout: 120_000 }, () => {
  let ws: Workspace;
  let shims: string;

  beforeAll(async () => {
    // local-action asks `pnpm list` where @actions/core is, to stub it; under
    // `npx pnpm` there may be no pnpm on PATH, so lend it the running one.
    shims = await mkdtemp(join(tmpdir(), 'allot-shims-'));
    const execPath = process.env['npm_execpath'] ?? '';
    if (/pnpm/.test(execPath) && existsSync(execPath)) {
      const shim = join(shims, 'pnpm');
      await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${execPath}" "$@"\n`);
      await chmod(shim, 0o755);
    }
    return () => rm(shims, { recursive: true, force: true });
  });
  afterEach(() => ws.dispose());

  it('runs the job in GITHUB_WORKSPACE, and the post step releases it', async () => {
    ws = await makeWorkspace('people');
    const summary = join(ws.dir, 'summary.md');
    await writeFile(summary, '');
    const run = await localAction(
      {
        'INPUT_POOL-FILES': 'people.yaml',
        INPUT_TESTS: 'first-two.yaml',
        INPUT_STORE: 'state/allot',
        GITHUB_WORKSPACE: ws.dir,
        GITHUB_STEP_SUMMARY: summary,
      },
      shims,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Running Post Step');
    // Outputs set through the stubbed @actions/core, not printed as workflow commands.
    expect(outputOf(run.output, 'job-id'), run.output).toBe('1');
    expect(outputOf(run.output, 'allocated')).toBe('2');
    expect(outputOf(run.output, 'results-file')).toBe(join(ws.dir, 'allot-results.json'));
    // Relative paths start at GITHUB_WORKSPACE, not at the directory the step started in.
    const results = await readResultsFile(join(ws.dir, 'allot-results.json'));
    expect(results.entries.map((entry) => entry.status)).toEqual(['allocated', 'allocated']);
    expect(existsSync(join(ws.dir, 'state', 'allot'))).toBe(true);
    expect(existsSync(join(PACKAGE, 'state'))).toBe(false);
    expect(await readFile(summary, 'utf8')).toContain('allot');
    expect(run.output).toContain('allot: released job 1: 2 rows back in the pool');
  });

  it('says which earlier job holds the rows and how to release it', async () => {
    ws = await makeWorkspace('people');
    const inputs = {
      'INPUT_POOL-FILES': 'people.yaml',
      INPUT_TESTS: 'first-two.yaml',
      INPUT_STORE: 'state/allot',
      GITHUB_WORKSPACE: ws.dir,
    };
    const first = await localAction({ ...inputs, INPUT_RELEASE: 'false' }, shims);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('job 1 keeps its leases until they expire');
    // A rerun of the same bundle while job 1 lives: job 1 answers it, and is not this run's to release.
    const rerun = await localAction(inputs, shims);
    expect(rerun.code, rerun.output).toBe(0);
    expect(outputOf(rerun.output, 'job-id')).toBe('1');
    expect(rerun.output).toContain(
      'job 1 was created by an earlier run; its leases are left to it',
    );
    expect(rerun.output).toContain(
      `To release them now: allot release 1 --data-dir ${JSON.stringify(join(ws.dir, 'state', 'allot'))}`,
    );
  });
});
