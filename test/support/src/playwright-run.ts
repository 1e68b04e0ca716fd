import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childEnv, RUNNER_VARIABLES } from './child-env.js';
import { freePort } from './free-port.js';
import { readReport, type JsonReport, type ReportedTest } from './json-report.js';

/** What one `npx playwright test` run produced. */
export interface PlaywrightRun {
  exitCode: number | null;
  /** The list reporter's output, as a user or the CI log sees it. */
  stdout: string;
  stderr: string;
  /** Every test of the run's JSON report, with the values it attached. */
  tests: ReportedTest[];
}

/** Options of {@link runPlaywright}. */
export interface PlaywrightRunOptions {
  /** The user's Playwright project, where `npx playwright test` runs. */
  project: string;
  /** The attachment holding a test's values (`@allot/playwright`'s `ATTACHMENT_NAME`). */
  attachment: string;
  /** A fresh directory for the run's JSON report and test output. */
  dir: string;
  /** Arguments after `playwright test`. */
  args: string[];
  /** Variables on top of the parent's. */
  env: Record<string, string>;
  /** The parent's variables the run does not see; by default allot's and the GitHub runner's. */
  hidden?: RegExp;
}

/**
 * Runs the project with the real Playwright CLI in a child process, as a user
 * would (`npx playwright test …` in its directory), with the list reporter on
 * stdout and the JSON reporter in a file, and the project's sample app on a
 * free port of its own (`APP_PORT`).
 */
export async function runPlaywright(options: PlaywrightRunOptions): Promise<PlaywrightRun> {
  const reportFile = join(options.dir, 'report.json');
  const env = childEnv(
    {
      APP_PORT: String(await freePort()),
      PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
      FORCE_COLOR: '0',
      ...options.env,
    },
    options.hidden ?? RUNNER_VARIABLES,
  );
  const args = [
    'playwright',
    'test',
    '--reporter=list,json',
    `--output=${join(options.dir, 'test-results')}`,
    ...options.args,
  ];
  const { exitCode, stdout, stderr } = await spawnCollect('npx', args, options.project, env);
  if (!existsSync(reportFile)) {
    throw new Error(
      `npx ${args.join(' ')} wrote no JSON report (exit ${exitCode}):\n${stdout}\n${stderr}`,
    );
  }
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as JsonReport;
  return { exitCode, stdout, stderr, tests: readReport(report, options.attachment) };
}

function spawnCollect(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(command, args, { cwd, env, stdio: 'pipe' });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
    },
  );
}
