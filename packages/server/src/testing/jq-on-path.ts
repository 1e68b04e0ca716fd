import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A `jq` command first on PATH, for the shell scripts a test runs. */
export interface JqOnPath {
  /** The temporary directory that holds the launcher. */
  bin: string;
  /** The launcher's path: what `command -v jq` prints in a script run with {@link JqOnPath.env}. */
  launcher: string;
  /** The parent's environment with {@link JqOnPath.bin} first on PATH, and `extra` on top. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * The launcher's text. It runs jq itself (jqlang's C code compiled to
 * WebAssembly by `jq-wasm`): a filter, flags passed to jq as given, input
 * from the files named after the filter or else from standard input. The
 * options that take values are listed so their values are not read as the
 * filter.
 */
function launcherSource(jqWasm: string): string {
  return `#!${process.execPath}
import { readFileSync } from 'node:fs';
import { raw } from ${JSON.stringify(jqWasm)};

const TAKES_TWO = new Set(['--arg', '--argjson', '--slurpfile', '--rawfile']);
const TAKES_ONE = new Set(['--indent', '-L', '--tab-width']);
const args = process.argv.slice(2);
const flags = [];
const files = [];
let filter;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (TAKES_TWO.has(arg)) flags.push(arg, args[++i], args[++i]);
  else if (TAKES_ONE.has(arg)) flags.push(arg, args[++i]);
  else if (arg.startsWith('-') && arg !== '-') flags.push(arg);
  else if (filter === undefined) filter = arg;
  else files.push(arg);
}
const input =
  files.length === 0 ? readFileSync(0, 'utf8') : files.map((f) => readFileSync(f, 'utf8')).join('\\n');
const result = await raw(input, filter ?? '.', flags);
const joined = flags.includes('-j') || flags.includes('--join-output');
// jq ends every output with a newline, which the library's result leaves off.
const stdout = result.stdout === '' || joined || result.stdout.endsWith('\\n') ? result.stdout : result.stdout + '\\n';
process.stdout.write(stdout);
if (result.stderr !== '') process.stderr.write(result.stderr.endsWith('\\n') ? result.stderr : result.stderr + '\\n');
process.exitCode = result.exitCode;
`;
}

/**
 * Writes a `jq` launcher into a temporary directory that scripts get first
 * on PATH, on every machine, whether or not a jq is installed: the reference
 * examples' scripts pipe curl into jq, and a machine with only Node and the
 * npm registry has none, so every run uses this same jq.
 */
export async function jqOnPath(): Promise<JqOnPath> {
  const bin = await mkdtemp(join(tmpdir(), 'allot-jq-'));
  const launcher = join(bin, 'jq');
  await writeFile(launcher, launcherSource(import.meta.resolve('jq-wasm')));
  await chmod(launcher, 0o755);
  return {
    bin,
    launcher,
    env: (extra = {}) => ({
      ...process.env,
      PATH: [bin, process.env.PATH ?? ''].join(delimiter),
      ...extra,
    }),
    close: () => rm(bin, { recursive: true, force: true }),
  };
}
