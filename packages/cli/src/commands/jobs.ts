import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { wholeNumber } from '../parse-options.js';

export function registerJobs(program: Command, cli: CliContext): void {
  program
    .command('jobs')
    .description('list recent jobs, newest first')
    .addOption(new Option('--limit <n>', 'how many jobs').argParser(wholeNumber(1)).default(20))
    .option(
      '--teardown-failed',
      'list made rows whose teardown failed (with the last error) instead of jobs',
    )
    .action(async (options: { limit: number; teardownFailed?: boolean }) => {
      const { jobsAction } = await import('./jobs-action.js');
      await jobsAction(cli, options);
    });
}
