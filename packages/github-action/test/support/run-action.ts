import { fileURLToPath } from 'node:url';
import { runActionStep, type StepRun } from '@allot/test-support/action-step';

/** The bundled entries, as the runner starts them. */
export const ENTRIES = {
  main: fileURLToPath(new URL('../../dist/index.js', import.meta.url)),
  post: fileURLToPath(new URL('../../dist/post.js', import.meta.url)),
};

export interface StepOptions {
  cwd: string;
  /** The action's inputs by their action.yml names. */
  inputs: Record<string, string>;
  /** The main step's saved state, for a post step. */
  state?: Record<string, string>;
  env?: Record<string, string>;
}

/**
 * Runs `node dist/index.js` or `node dist/post.js` as the runner does, with
 * none of the parent's variables but PATH and HOME.
 */
export function runStep(entry: keyof typeof ENTRIES, options: StepOptions): Promise<StepRun> {
  return runActionStep({
    ...options,
    entry: ENTRIES[entry],
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env },
  });
}

/** Runs the main step, then the post step with the state the main step saved. */
export async function runMainAndPost(
  options: StepOptions,
): Promise<{ main: StepRun; post: StepRun }> {
  const main = await runStep('main', options);
  const post = await runStep('post', { ...options, state: main.state });
  return { main, post };
}
