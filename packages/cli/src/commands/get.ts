import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

export function registerGet(program: Command, cli: CliContext): void {
  program
    .command('get')
    .description("print a test's allocated values as JSON")
    .argument('<pool>')
    .argument('<suite>')
    .argument('<test>')
    .option('--all', 'print the whole result record (job, columns, every row)')
    .action(async (pool: string, suite: string, test: string, options: { all?: boolean }) => {
      const { getAction } = await import('./get-action.js');
      await getAction(cli, { pool, suite, test }, options);
    });
}
