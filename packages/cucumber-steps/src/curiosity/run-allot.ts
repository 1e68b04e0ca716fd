import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { TestRef } from '@allot/client';

/** What {@link runAllot} runs: `allot run` for exactly `testsFile`'s tests. */
export interface AllotRunOptions {
  poolFiles: readonly string[];
  /** A JSON file of the tests to run, as `allot run --tests` reads it. */
  testsFile: string;
  dataDir: string;
  resultsFile: string;
  ttlSeconds?: number;
}

/** The `allot` command of the installed `@allot/cli`, found through its package.json's `bin`. */
async function allotBin(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('@allot/cli/package.json');
  const { bin } = JSON.parse(await readFile(manifest, 'utf8')) as { bin: { allot: string } };
  return resolve(dirname(manifest), bin.allot);
}

/**
 * Runs `allot run` as a child process on the embedded store of a data
 * directory, so this package needs neither the engine nor a store: the job's
 * outcome comes back as the results file `resultsFile`. Resolves when the
 * file is written, whether or not every test got rows (exit code 0 or 1);
 * rejects with the command's own message otherwise.
 */
export async function runAllot(options: AllotRunOptions): Promise<void> {
  const args = [
    await allotBin(),
    'run',
    ...options.poolFiles,
    '--tests',
    options.testsFile,
    '--data-dir',
    resolve(options.dataDir),
    '--results',
    options.resultsFile,
    ...(options.ttlSeconds === undefined ? [] : ['--ttl', String(options.ttlSeconds)]),
  ];
  // The data directory is the store, as it always was here: a store URL in the environment does not redirect it.
  const env = { ...process.env };
  delete env.ALLOT_STORE;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('close', done);
  });
  if (code === 0 || code === 1) return;
  const message = stderr.trim().replace(/^allot: /, '') || `allot run ended with code ${code}`;
  throw new Error(message);
}

/** The `--tests` file content of `refs`. */
export function testList(refs: readonly TestRef[]): string {
  return JSON.stringify(refs.map(({ pool, suite, test }) => ({ pool, suite, test })));
}
