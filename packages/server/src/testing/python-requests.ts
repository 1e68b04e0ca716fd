import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { delimiter } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The directory of the `requests` stand-in (`requests-stand-in/requests.py`). */
export const REQUESTS_STAND_IN = fileURLToPath(new URL('./requests-stand-in/', import.meta.url));

/** How to run a Python program that imports `requests`. */
export interface PythonWithRequests {
  command: string;
  /** The interpreter's own arguments, before the program's path. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Whether `requests` is the stand-in rather than the installed package. */
  standIn: boolean;
}

/**
 * The interpreter to run a program that imports `requests` with: as is
 * where `requests` is installed, else with {@link REQUESTS_STAND_IN} on
 * PYTHONPATH, so the program runs on a machine with no pip. Interpreter
 * flags that ignore PYTHONPATH (`-I`, `-E`) leave the stand-in out: hide
 * installed packages with `-S` or `-s` instead.
 */
export async function pythonWithRequests(
  options: { command?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<PythonWithRequests> {
  const command = options.command ?? 'python3';
  const args = options.args ?? [];
  const env = options.env ?? process.env;
  const installed = await run(command, [...args, '-c', 'import requests'], { env }).then(
    () => true,
    () => false,
  );
  if (installed) return { command, args, env, standIn: false };
  const path = [REQUESTS_STAND_IN, env.PYTHONPATH].filter((p) => p !== undefined && p !== '');
  return { command, args, env: { ...env, PYTHONPATH: path.join(delimiter) }, standIn: true };
}
