import {
  DEFAULT_WORKSPACE,
  executeJob,
  githubRunNamespace,
  isAllotError,
  syncPoolFiles,
  toResultsFile,
  writeResultsFile,
  type JobReport,
} from '@allot/core';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { wholeNumber } from '../parse-options.js';
import { ProgressBar } from '../progress-bar.js';
import { renderForecast, renderImports, renderJob } from '../render-report.js';
import { withStore } from '../with-store.js';

interface RunOptions {
  ttl?: number;
  refresh?: boolean;
  dryRun?: boolean;
  namespace?: string;
  seed?: string;
  results: string;
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
      'for make templates ({{run.namespace}})',
      githubRunNamespace(cli.io.env),
    )
    .option('--seed <seed>', 'seed of the makes, so a run can be reproduced')
    .option('--results <file>', 'where to write the results file', 'allot-results.json')
    .option('--json', 'print the job report as JSON instead of a table')
    .action(async (files: string[], options: RunOptions) => {
      cli.exitCode = await runJob(cli, files, options);
    });
}

async function runJob(cli: CliContext, files: string[], options: RunOptions): Promise<number> {
  const { stdout, stderr } = cli.io;
  const report = await withStore(cli.store(), async (store) => {
    const synced = await syncPoolFiles(store, DEFAULT_WORKSPACE, files).catch(missingFileIsUsage);
    if (!options.json) stdout.write(renderImports(synced.imported));
    const bar = new ProgressBar({ stream: stderr });
    try {
      return await executeJob(store, {
        tests: synced.tests,
        workspace: DEFAULT_WORKSPACE,
        ...(options.ttl === undefined ? {} : { ttlSeconds: options.ttl }),
        ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        refresh: options.refresh === true,
        dryRun: options.dryRun === true,
        onProgress: (progress) => bar.update(progress),
      });
    } finally {
      bar.finish();
    }
  });
  if (!report.dryRun) await saveResults(report, options.results);
  if (options.json) stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (report.dryRun) stdout.write(renderForecast(report));
  else stdout.write(renderJob(report) + `results: ${options.results}\n`);
  return report.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** A pool file or block file that is not there is a mistake in the command line or the pool file. */
function missingFileIsUsage(error: unknown): never {
  if (isAllotError(error) && error.code === 'NOT_FOUND') throw new UsageError(error.message);
  throw error;
}

async function saveResults(report: JobReport, path: string): Promise<void> {
  const { jobId, expiresAt } = report;
  if (jobId === null || expiresAt === null) return;
  await writeResultsFile(path, toResultsFile({ ...report, jobId, expiresAt }));
}
