import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the first capture of `pattern` in what `child` writes to
 * `stream`, as soon as it is written. Rejects when the child exits first or
 * after `ms`, with everything the stream carried so far.
 *
 * A child's stdout and stderr are two pipes read separately: a line written
 * to one before a line on the other may still arrive after it, so a test
 * waits for each line it needs rather than reading one stream when the other
 * speaks.
 */
export function waitForOutput(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  pattern: RegExp,
  ms = 10_000,
): Promise<string> {
  const source = child[stream];
  if (source === null) return Promise.reject(new Error(`the child's ${stream} is not piped`));
  let text = '';
  return new Promise<string>((resolve, reject) => {
    const finish = (error: Error | undefined, value = '') => {
      clearTimeout(timer);
      source.off('data', onData);
      child.off('exit', onExit);
      if (error === undefined) resolve(value);
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match !== null) finish(undefined, match[1] ?? match[0]);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`exited with ${code} before ${pattern} on ${stream}: ${text}`));
    const timer = setTimeout(
      () => finish(new Error(`no ${pattern} on ${stream} within ${ms} ms: ${text}`)),
      ms,
    );
    source.on('data', onData);
    child.on('exit', onExit);
  });
}
