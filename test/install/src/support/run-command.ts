import { spawn } from 'node:child_process';
import { childEnv } from '@allot/test-support/child-env';

/** How a command ended. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What a child must not inherit from the test run: allot's and the runner's
 * variables, vitest's (`NODE_ENV=test` changes lowdb's behaviour), and
 * pnpm's `npm_*` settings, which npm would take for the user's own.
 */
export const NOT_THE_USERS = /^(ALLOT_|INPUT_|STATE_|GITHUB_|VITEST|npm_|NODE_ENV$|NODE_OPTIONS$)/i;

/** The environment of a user's shell, with `extra` on top. */
export const userEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv =>
  childEnv(extra, NOT_THE_USERS);

/** Options of {@link runCommand}. */
export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Kills the command (and what it started) after this long. */
  timeoutMs: number;
}

/**
 * Runs a command as a user types it in the project's directory, and
 * collects its output. It runs in a process group of its own, so that a
 * timeout ends `npx` and the process it started together.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: userEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => {
    stderr += `\n(killed after ${options.timeoutMs} ms)`;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group ended meanwhile.
    }
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The output of a command, for an assertion's message. */
export const outputOf = (result: CommandResult): string =>
  `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
