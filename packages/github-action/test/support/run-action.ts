import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled entries, as the runner starts them. */
export const ENTRIES = {
  main: fileURLToPath(new URL('../../dist/index.js', import.meta.url)),
  post: fileURLToPath(new URL('../../dist/post.js', import.meta.url)),
};

/** What one step of the action left behind. */
export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface StepOptions {
  cwd: string;
  /** The action's inputs by their action.yml names. */
  inputs: Record<string, string>;
  /** The main step's saved state, for a post step. */
  state?: Record<string, string>;
  env?: Record<string, string>;
}

/**
 * Runs `node dist/index.js` or `node dist/post.js` as the runner does:
 * inputs as `INPUT_<NAME>` variables (upper-cased, hyphens kept), the
 * command files in a temp directory, and saved state as `STATE_<name>`.
 */
export async function runStep(entry: keyof typeof ENTRIES, options: StepOptions): Promise<StepRun> {
  const files = await mkdtemp(join(tmpdir(), 'allot-action-files-'));
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
  };
  try {
    for (const path of Object.values(paths)) await writeFile(path, '');
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
    };
    for (const [name, value] of Object.entries(options.inputs))
      env[`INPUT_${name.toUpperCase()}`] = value;
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          [ENTRIES[entry]],
          {
            cwd: options.cwd,
            env: { ...env, ...paths, ...options.env },
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
            resolve({ code, stdout, stderr });
          },
        );
      },
    );
    return {
      ...result,
      outputs: parseCommandFile(await readFile(paths.GITHUB_OUTPUT, 'utf8')),
      env: parseCommandFile(await readFile(paths.GITHUB_ENV, 'utf8')),
      state: parseCommandFile(await readFile(paths.GITHUB_STATE, 'utf8')),
      summary: await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** Runs the main step, then the post step with the state the main step saved. */
export async function runMainAndPost(
  options: StepOptions,
): Promise<{ main: StepRun; post: StepRun }> {
  const main = await runStep('main', options);
  const post = await runStep('post', { ...options, state: main.state });
  return { main, post };
}

/** Reads `name<<delimiter` blocks and `name=value` lines, as the runner reads the command files. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block !== null) {
      const end = lines.indexOf(block[2] ?? '', i + 1);
      values[block[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}
