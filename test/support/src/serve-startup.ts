import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** What a fresh `allot serve` announces once it listens. */
export interface ServeStartup {
  url: string;
  /** The admin key a fresh store prints once. */
  apiKey: string;
}

/**
 * Reads a starting `allot serve`: its URL from stderr (`serving on …`) and
 * the admin key from stdout. Two pipes, so either may arrive first; rejects
 * with both outputs when the process fails to start or exits before both
 * were printed.
 */
export function readServeStartup(
  child: ChildProcessByStdio<null, Readable, Readable>,
): Promise<ServeStartup> {
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /serving on (http:\/\/\S+)/.exec(stderr)?.[1];
      const apiKey = /^\s*(allot_\S+)$/m.exec(stdout)?.[1];
      if (url !== undefined && apiKey !== undefined) resolve({ url, apiKey });
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
    child.on('exit', (code) =>
      reject(new Error(`allot serve exited with ${code} before serving:\n${stdout}\n${stderr}`)),
    );
  });
}
