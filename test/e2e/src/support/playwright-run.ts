import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childEnv } from './child-env.js';
import { readReport, type ReportedTest } from './json-report.js';
import { projectDir } from './paths.js';

/** What one `npx playwright test` run produced. */
export interface PlaywrightRun {
  exitCode: number | null;
  /** The list reporter's output, as the CI log shows it. */
  stdout: string;
  stderr: string;
  /** Every test of the run's JSON report, with the values it attached. */
  tests: ReportedTest[];
}

/** Options of {@link runPlaywright}. */
export interface RunOptions {
  /** A fresh directory for the run's JSON report and test output. */
  dir: string;
  /** Arguments after `playwright test`. */
  args: string[];
  /** The job's variables (`$GITHUB_ENV`), on top of the parent's without its ALLOT_* ones. */
  env: Record<string, string>;
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * Runs the user's project with the real CLI (`npx playwright test …` in its
 * directory), the list reporter on stdout and the JSON reporter in a file,
 * and the project's sample app on a free port.
 */
export async function runPlaywright(options: RunOptions): Promise<PlaywrightRun> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the project's browser test uses Debian's Chromium (apt-get install -y chromium)`,
    );
  }
  const reportFile = join(options.dir, 'report.json');
  const env = childEnv({
    APP_PORT: String(await freePort()),
    PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
    FORCE_COLOR: '0',
    ...options.env,
  });
  const args = [
    'playwright',
    'test',
    '--reporter=list,json',
    `--output=${join(options.dir, 'test-results')}`,
    ...options.args,
  ];
  const { exitCode, stdout, stderr } = await spawnCollect('npx', args, env);
  if (!existsSync(reportFile)) {
    throw new Error(
      `npx ${args.join(' ')} wrote no JSON report (exit ${exitCode}):\n${stdout}\n${stderr}`,
    );
  }
  const tests = readReport(JSON.parse(await readFile(reportFile, 'utf8')));
  return { exitCode, stdout, stderr, tests };
}

function spawnCollect(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(command, args, { cwd: projectDir, env, stdio: 'pipe' });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
    },
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
