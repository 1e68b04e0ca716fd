import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
export function startServe(store: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--store', store, '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const watcher of [...watchers]) watcher();
  });
  const waitForStdout = (pattern: RegExp, ms: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (match === null) return;
        watchers.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(
          new Error(`no ${pattern} on allot serve's stdout within ${ms} ms; it wrote: ${out}`),
        );
      }, ms);
      watchers.add(check);
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const url = /serving on (http:\/\/\S+)/.exec(err)?.[1];
      if (url === undefined) return;
      resolve({
        url,
        stdout: () => out,
        waitForStdout,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`allot serve exited with ${code}: ${err}${out}`)));
  });
}
