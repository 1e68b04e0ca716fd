import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { CliContext } from './cli-context.js';
import { registerDatasets } from './commands/datasets.js';
import { registerCoverage } from './commands/coverage.js';
import { registerExport } from './commands/export.js';
import { registerGet } from './commands/get.js';
import { registerImport } from './commands/import.js';
import { registerJobs } from './commands/jobs.js';
import { registerKeys } from './commands/keys.js';
import { registerRelease } from './commands/release.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { CLI_VERSION } from './version.js';

/** Columns of `allot --help`, whatever the terminal's width. */
export const HELP_WIDTH = 80;

/** Builds the `allot` program; it never exits the process (see {@link run}). */
export function createProgram(cli: CliContext, defaultDataDir: string): Command {
  const program = new Command('allot')
    .description('Test data allocation for parallel end-to-end suites')
    .version(CLI_VERSION)
    .addOption(dataDirOption().default(defaultDataDir))
    // Program options only before the command, so that `export --version` is the block's version.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      // One width everywhere, so the help that main.ts prints without loading this module is the same text.
      getOutHelpWidth: () => HELP_WIDTH,
      writeOut: (text) => cli.io.stdout.write(text),
      writeErr: (text) => cli.io.stderr.write(text),
      outputError: (text, write) => write(`allot: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(see allot --help)');
  registerRun(program, cli);
  registerGet(program, cli);
  registerRelease(program, cli);
  registerImport(program, cli);
  registerExport(program, cli);
  registerJobs(program, cli);
  registerDatasets(program, cli);
  registerServe(program, cli);
  registerKeys(program, cli);
  registerCoverage(program, cli);
  // `--data-dir` is accepted after the command too (`allot run shop.yaml --data-dir .allot`).
  program.addOption(storeOption());
  for (const command of subcommandsOf(program))
    command.addOption(dataDirOption()).addOption(storeOption());
  return program;
}

/** The commands that run something: every command below `program` that has none of its own (`keys create`). */
function subcommandsOf(program: Command): Command[] {
  return program.commands.flatMap((command) =>
    command.commands.length === 0 ? [command] : subcommandsOf(command),
  );
}

/** The command and the ones it sits in, innermost first. */
function chainOf(action: Command | undefined): Command[] {
  const chain: Command[] = [];
  for (
    let command = action;
    command !== undefined && command !== null;
    command = command.parent ?? undefined
  )
    chain.push(command);
  return chain;
}

/** The innermost value of an option along the chain: a command's own option beats its parents'. */
function optionOf(action: Command | undefined, name: string): unknown {
  for (const command of chainOf(action)) {
    const value: unknown = command.opts()[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

function storeOption(): Option {
  return new Option(
    '--store <spec>',
    'a postgres:// URL (or a directory) to use instead of --data-dir (env ALLOT_STORE)',
  );
}

/** Whether --data-dir was given on the command line (its default comes from ALLOT_DATA_DIR). */
function givenDataDir(action: Command | undefined): boolean {
  return chainOf(action).some((command) => command.getOptionValueSource('dataDir') === 'cli');
}

function dataDirOption(): Option {
  return new Option(
    '--data-dir <dir>',
    'data directory of the embedded store (env ALLOT_DATA_DIR)',
  );
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit
 * code: 0 done, 1 a test failed or nothing was found, 2 a usage or
 * configuration error. Errors are printed as `allot: <message>`.
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let action: Command | undefined;
  const cli: CliContext = {
    io,
    exitCode: EXIT.ok,
    // The command's own --data-dir wins over the program's (which has the default).
    dataDir: () => resolve(String(optionOf(action, 'dataDir'))),
    // As allot-server: --store, then a --data-dir given on the command line, then ALLOT_STORE.
    store: () =>
      String(
        optionOf(action, 'store') ??
          (givenDataDir(action) ? undefined : io.env['ALLOT_STORE']) ??
          cli.dataDir(),
      ),
  };
  const program = createProgram(cli, io.env['ALLOT_DATA_DIR'] ?? '.allot');
  program.hook('preAction', (_program, command) => {
    action = command;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    // Commander has printed its own message (or the help) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.stderr.write(`allot: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env['ALLOT_DEBUG'] && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return await exitCodeOf(error);
  }
}
