import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { wholeNumber } from '../parse-options.js';

/** The options of `allot run`, as commander parses them. */
export interface RunOptions {
  ttl?: number;
  refresh?: boolean;
  dryRun?: boolean;
  namespace?: string;
  seed?: string;
  results: string;
  tests?: string;
  json?: boolean;
}

export function registerRun(program: Command, cli: CliContext): void {
  program
    .command('run')
    .description('allocate rows to every test of the pool files, as one job')
    .argument('<pool-files...>', 'pool files (YAML or JSON)')
    .addOption(new Option('--ttl <seconds>', 'how long the leases last').argParser(wholeNumber(1)))
    .option('--refresh', 'allocate anew even when the same tests hold live results')
    .option('--dry-run', 'show how the job would fare, without writing anything')
    .option(
      '--namespace <ns>',
      'for make templates ({{run.namespace}}); default: $GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT, else random',
    )
    .option('--seed <seed>', 'seed of the makes, so a run can be reproduced')
    .option('--results <file>', 'where to write the results file', 'allot-results.json')
    .option('--json', 'print the job report as JSON instead of a table')
    .option(
      '--tests <file>',
      'run only the tests a JSON file names ([{"pool", "suite", "test"}, …]) instead of all of them',
    )
    .action(async (files: string[], options: RunOptions) => {
      // Loaded only when the command runs, so that `allot --help` starts quickly.
      const { runAction } = await import('./run-action.js');
      cli.exitCode = await runAction(cli, files, options);
    });
}
