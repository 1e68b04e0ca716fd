import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { wholeNumber } from '../parse-options.js';

/** `allot datasets …`: a job's results as TestRail datasets, and datasets as parameter tables. */
export function registerDatasets(program: Command, cli: CliContext): void {
  const datasets = program
    .command('datasets')
    .description("datasets of variables (TestRail's shape) of a project");
  datasets
    .command('from-job <job>')
    .description("turn a job's results into datasets: one per test, named <suite> / <test>")
    .requiredOption('--project <id>', 'the numeric id of the project', wholeNumber(1))
    .action(async (job: string, options: { project: number }) => {
      const { datasetsFromJobAction } = await import('./datasets-action.js');
      await datasetsFromJobAction(cli, { job: wholeNumber(1)(job), project: options.project });
    });
  datasets
    .command('export')
    .description('write the datasets as a parameter table for Playwright, Jest or pytest')
    .requiredOption('--project <id>', 'the numeric id of the project', wholeNumber(1))
    .addOption(
      new Option('--format <format>', 'the framework')
        .choices(['playwright', 'jest', 'pytest'])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { project: number; format: string; out?: string }) => {
      const { exportDatasetsAction } = await import('./datasets-action.js');
      await exportDatasetsAction(cli, options);
    });
}
