import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot coverage allocate`. */
export interface CoverageAllocateOptions {
  key?: string;
  makes: boolean;
  dryRun?: boolean;
  calculation?: string;
  json?: boolean;
}

export function registerCoverage(program: Command, cli: CliContext): void {
  program
    .command('coverage')
    .description('work with calculated coverage (the server has /api/v1/projects/…/coverage-sets)')
    .command('allocate')
    .description(
      "allocate a coverage set version's calculated coverage as one job: rows per combination, made when none qualifies",
    )
    .argument('<project>', 'the project: its id, or name@version')
    .argument('<coverage-set>', "the coverage set's name")
    .argument('<version>', "the coverage set's version")
    .option('--key <column>', "the source block's row key (default its key column)")
    .option('--no-makes', 'make nothing: the fewest existing rows covering every tuple')
    .option('--dry-run', 'plan and report; store and lease nothing')
    .option('--calculation <version>', 'one calculation (default the latest)')
    .option('--json', 'print the report as JSON')
    .action(
      async (project: string, set: string, version: string, options: CoverageAllocateOptions) => {
        const { coverageAllocateAction } = await import('./coverage-action.js');
        await coverageAllocateAction(cli, { project, set, version }, options);
      },
    );
}
