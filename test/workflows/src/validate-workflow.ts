import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** What `action-validator` said about one file. */
export interface Validation {
  /** The process's exit code: 0 when the file is valid. */
  code: number;
  /** Its output: the schema errors as JSON when invalid. */
  output: string;
}

const require = createRequire(import.meta.url);
/** The validator's command line, run with this node as its bin would. */
const cli = require.resolve('@action-validator/cli/cli.mjs');

/**
 * Runs `action-validator` on a workflow file: GitHub's workflow schema
 * (triggers, jobs, steps, expressions in `if`), and the globs of path filters.
 */
export function validateWorkflow(file: string): Promise<Validation> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, file], (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: stdout + stderr });
    });
  });
}
