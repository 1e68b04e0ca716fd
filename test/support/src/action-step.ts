import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one step of the action left behind. */
export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  /** `$GITHUB_OUTPUT`: the step's outputs. */
  outputs: Record<string, string>;
  /** `$GITHUB_ENV`: variables for the job's later steps. */
  env: Record<string, string>;
  /** `$GITHUB_STATE`: what the post step gets as `STATE_*`. */
  state: Record<string, string>;
  /** `$GITHUB_STEP_SUMMARY`. */
  summary: string;
}

/** Options of {@link runActionStep}. */
export interface ActionStepOptions {
  /** The bundled entry the runner starts: the action's `dist/index.js` (main) or `dist/post.js` (post). */
  entry: string;
  /** The runner's workspace. */
  cwd: string;
  /** The `with:` block, by the names of action.yml. */
  inputs: Record<string, string>;
  /** The main step's saved state, for the post step. */
  state?: Record<string, string>;
  /** The step's environment besides its inputs, state and command files. */
  env: NodeJS.ProcessEnv;
}

/**
 * Runs a bundled entry of the action with node as the runner does: each input
 * as `INPUT_<NAME>` (upper-cased, hyphens kept), the command files in a temp
 * directory, the saved state as `STATE_<name>`.
 */
export async function runActionStep(options: ActionStepOptions): Promise<StepRun> {
  const files = await mkdtemp(join(tmpdir(), 'allot-action-step-'));
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
  };
  try {
    for (const path of Object.values(paths)) await writeFile(path, '');
    const env: NodeJS.ProcessEnv = { ...options.env, ...paths };
    for (const [name, value] of Object.entries(options.inputs))
      env[`INPUT_${name.toUpperCase()}`] = value;
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [options.entry],
        { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          done({ code, stdout, stderr });
        },
      );
    });
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

/** Reads `name<<delimiter` blocks and `name=value` lines, as the runner reads its command files. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block !== null) {
      const end = lines.indexOf(block[2] ?? '', i + 1);
      if (end < 0) throw new Error(`command file block "${line}" has no closing delimiter`);
      values[block[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}
