import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchOutput } from '@allot/test-support/child-output';

/** The built command line, as users run it. */
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/main.js', import.meta.url));

/** A running `allot serve` process. */
export interface ServeProcess {
  url: string;
  /** Everything it wrote to stdout so far (where a fresh store's admin key goes). */
  stdout(): string;
  /**
   * Resolves with the first match of `pattern` in stdout, as soon as it is
   * written; rejects with the output so far when none comes within `ms`.
   */
  waitForStdout(pattern: RegExp, ms: number): Promise<RegExpExecArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `allot serve --store <spec> --port 0` and resolves once it says
 * where it listens; rejects with its output when it exits first.
 */
export async function startServe(store: string): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--store', store, '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = watchOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = await output.waitFor('stderr', /serving on (http:\/\/\S+)/, 60_000);
  return {
    url: listening[1] as string,
    stdout: () => output.text('stdout'),
    waitForStdout: (pattern, ms) => output.waitFor('stdout', pattern, ms),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
