import { spawn } from 'node:child_process';
import { readServeStartup } from '@allot/test-support/serve-startup';
import { userEnv } from './run-command.js';

/** `allot serve` started from a user's project. */
export interface InstalledServe {
  url: string;
  /** The admin key the fresh data directory printed once. */
  apiKey: string;
  /** Sends SIGTERM to `npx` and the server; resolves once both ended and closed their output. */
  stop(): Promise<void>;
}

/**
 * Runs `npx allot serve --port 0` in the project, as a user would, and reads
 * the admin key from stdout and the URL from stderr (two pipes: either may
 * come first).
 */
export function startInstalledServe(projectDir: string): Promise<InstalledServe> {
  const args = ['allot', 'serve', '--port', '0', '--log-level', 'warn'];
  const child = spawn('npx', [...args, '--data-dir', '.allot-server'], {
    cwd: projectDir,
    // No download if the bin were missing (npx's `--no`).
    env: userEnv({ npm_config_yes: 'false' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // npx does not pass SIGTERM on to the command it runs: signal its process group.
    detached: true,
  });
  // 'close' waits for the server too: it holds the same pipes until it exits.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
    }
    await closed;
  };
  return readServeStartup(child).then((startup) => ({ ...startup, stop }));
}
