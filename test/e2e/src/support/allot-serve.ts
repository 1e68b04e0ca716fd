import { spawn } from 'node:child_process';
import { readServeStartup } from '@allot/test-support/serve-startup';
import { childEnv } from '@allot/test-support/child-env';
import { cliMain } from './paths.js';

/** An `allot serve` process on a free port, over a fresh data directory. */
export interface AllotServe {
  url: string;
  /** The admin key the fresh data directory printed once. */
  apiKey: string;
  /** Sends SIGTERM and waits for the process to exit; resolves its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real server as the root README shows it (`allot serve --port …
 * --data-dir …`) and reads the admin key from its stdout and its URL from
 * stderr (two pipes, so either may arrive first).
 */
export function startAllotServe(dataDir: string): Promise<AllotServe> {
  const args = [cliMain, 'serve', '--port', '0', '--log-level', 'warn', '--data-dir', dataDir];
  const child = spawn(process.execPath, args, {
    env: childEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return readServeStartup(child).then((startup) => ({ ...startup, stop }));
}
