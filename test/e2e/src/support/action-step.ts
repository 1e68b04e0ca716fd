import { childEnv } from '@allot/test-support/child-env';
import {
  runActionStep as runStep,
  type ActionStepOptions,
  type StepRun,
} from '@allot/test-support/action-step';
import { actionEntries } from './paths.js';

/**
 * Runs the committed bundle's main (`dist/index.js`) or post (`dist/post.js`)
 * step as the runner does, with the parent's variables but allot's and the
 * runner's own.
 */
export function runActionStep(
  entry: keyof typeof actionEntries,
  options: Omit<ActionStepOptions, 'entry' | 'env'>,
): Promise<StepRun> {
  return runStep({ ...options, entry: actionEntries[entry], env: childEnv({}) });
}
