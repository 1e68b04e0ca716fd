import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line through the shell, as a workflow's `run:` would, and collects its output. */
export function runCommand(command: string, cwd: string): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      reject(new Error(`cannot run "${command}" in ${cwd}: ${error.message}`)),
    );
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}
