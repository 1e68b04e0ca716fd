import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** The options of `allot release`: one test, instead of a job id. */
export interface ReleaseOptions {
  pool?: string;
  suite?: string;
  test?: string;
}

export function registerRelease(program: Command, cli: CliContext): void {
  program
    .command('release')
    .description("end a job's leases (or one test's, with --pool, --suite and --test)")
    .argument('[job]', 'the job id')
    .option('--pool <pool>', 'release one test: its pool')
    .option('--suite <suite>', 'release one test: its suite')
    .option('--test <test>', 'release one test: its name')
    .action(async (job: string | undefined, options: ReleaseOptions) => {
      const { releaseAction } = await import('./release-action.js');
      await releaseAction(cli, job, options);
    });
}
