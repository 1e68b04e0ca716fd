import type { SuiteNaming } from '@allot/client';
import { testsOfPlaywrightReport } from './playwright-report.js';
import type { RequestedTest } from './requested-test.js';
import { runCommand } from './run-command.js';

/** Lists the suite's tests with Playwright itself (`--list` runs no test and needs no browser). */
export async function discoverPlaywright(
  command: string,
  cwd: string,
  naming: SuiteNaming,
): Promise<RequestedTest[]> {
  const output = await runCommand(command, cwd);
  const stderr = output.stderr.trim().split('\n').slice(-20).join('\n');
  if (output.code !== 0 && output.stdout.trim() === '')
    throw new Error(`"${command}" failed in ${cwd} with exit code ${output.code}:\n${stderr}`);
  try {
    return testsOfPlaywrightReport(output.stdout, naming);
  } catch (error) {
    if (output.code === 0) throw error;
    throw new Error(
      `"${command}" failed in ${cwd} with exit code ${output.code}: ${(error as Error).message}` +
        (stderr === '' ? '' : `\n${stderr}`),
      { cause: error },
    );
  }
}
