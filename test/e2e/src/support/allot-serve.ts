import { spawn } from 'node:child_process';
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
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /serving on (http:\/\/\S+)/.exec(stderr)?.[1];
      const apiKey = /^\s*(allot_\S+)$/m.exec(stdout)?.[1];
      if (url !== undefined && apiKey !== undefined) resolve({ url, apiKey, stop });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.on('error', reject);
    // After a resolve this reject is a no-op.
    void exited.then((code) =>
      reject(new Error(`allot serve exited with ${code} before serving:\n${stdout}\n${stderr}`)),
    );
  });
}
