import { ATTACHMENT_NAME } from '@allot/playwright';
import {
  runPlaywright as runProject,
  type PlaywrightRun,
  type PlaywrightRunOptions,
} from '@allot/test-support/playwright-run';
import { projectDir } from './paths.js';

/**
 * Runs the user's project with the real CLI (`npx playwright test …` in its
 * directory), with the job's variables (`$GITHUB_ENV`) in `env`.
 */
export function runPlaywright(
  options: Pick<PlaywrightRunOptions, 'dir' | 'args' | 'env'>,
): Promise<PlaywrightRun> {
  return runProject({ ...options, project: projectDir, attachment: ATTACHMENT_NAME });
}
