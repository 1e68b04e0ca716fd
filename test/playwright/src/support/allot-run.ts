import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readResultsFile, type ResultsFile } from '@allot/client';
import { cliMain, poolFile, projectDir } from './paths.js';

const run = promisify(execFile);

/**
 * Runs the project's pool file as one job on a fresh embedded store with the
 * real CLI (`allot run`), as the step before the tests would, and reads
 * the results file it wrote.
 */
export async function allotRun(dir: string): Promise<ResultsFile> {
  const results = join(dir, 'allot-results.json');
  await run(
    process.execPath,
    [cliMain, 'run', poolFile, '--data-dir', join(dir, '.allot'), '--results', results],
    { cwd: projectDir },
  );
  return readResultsFile(results);
}
