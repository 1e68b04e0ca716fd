import type { ChildProcess } from 'node:child_process';

/** One of a child's two output pipes. */
export type OutputStream = 'stdout' | 'stderr';

/** Everything a child process writes, kept from the start, and a wait for a line of it. */
export interface ChildOutput {
  /** What `stream` carried so far. */
  text(stream: OutputStream): string;
  /**
   * Resolves with the first match of `pattern` in `stream` (in what it
   * already carried, or as soon as it is written). Rejects when the child
   * exits without it, or after `ms`, with both streams so far.
   */
  waitFor(stream: OutputStream, pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
}

/**
 * Starts keeping `child`'s stdout and stderr; call it right after `spawn`,
 * so no output is missed. A test waits for the line it needs as soon as it
 * is written instead of polling, and for each line on its own stream: a
 * child's two pipes are read separately, so a line written to one before a
 * line on the other may still arrive after it.
 */
export function watchOutput(child: ChildProcess): ChildOutput {
  const texts: Record<OutputStream, string> = { stdout: '', stderr: '' };
  const changed = new Set<() => void>();
  let exitCode: number | null | undefined;
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (source === null) continue;
    source.on('data', (chunk: Buffer) => {
      texts[stream] += chunk.toString();
      for (const check of [...changed]) check();
    });
  }
  child.once('exit', (code) => {
    exitCode = code;
    for (const check of [...changed]) check();
  });
  const both = () => `stdout: ${texts.stdout}\nstderr: ${texts.stderr}`;
  return {
    text: (stream) => texts[stream],
    waitFor: (stream, pattern, ms = 10_000) => {
      if (child[stream] === null)
        return Promise.reject(new Error(`the child's ${stream} is not piped`));
      return new Promise((resolve, reject) => {
        const finish = (outcome: () => void) => {
          changed.delete(check);
          clearTimeout(timer);
          outcome();
        };
        const check = () => {
          const match = pattern.exec(texts[stream]);
          if (match !== null) finish(() => resolve(match));
          else if (exitCode !== undefined)
            finish(() =>
              reject(
                new Error(`exited with ${exitCode} before ${pattern} on ${stream}; ${both()}`),
              ),
            );
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`no ${pattern} on ${stream} within ${ms} ms; ${both()}`)),
            ),
          ms,
        );
        changed.add(check);
        check();
      });
    },
  };
}
