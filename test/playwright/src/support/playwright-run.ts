import { ATTACHMENT_NAME } from '@allot/playwright';
import {
  runPlaywright as runProject,
  type PlaywrightRun,
  type PlaywrightRunOptions,
} from '@allot/test-support/playwright-run';
import { projectDir } from './paths.js';

/** How long a vitest test that runs Playwright may take, on a busy 2-core machine. */
export const RUN_TIMEOUT_MS = 90_000;

/**
 * Runs this project with the real Playwright CLI (`npx playwright test …`);
 * the child sees the parent's variables but its ALLOT_* ones.
 */
export function runPlaywright(
  options: Pick<PlaywrightRunOptions, 'dir' | 'args' | 'env'>,
): Promise<PlaywrightRun> {
  return runProject({
    ...options,
    project: projectDir,
    attachment: ATTACHMENT_NAME,
    hidden: /^ALLOT_/,
  });
}
