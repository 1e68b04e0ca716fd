import { DEFAULT_WORKSPACE, githubRunNamespace, isAllotError, type JobReport } from '@allot/core';
import { toResultsFile, writeResultsFile } from '@allot/client';
import { executeBundle, syncPoolFiles } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { ProgressBar } from '../progress-bar.js';
import { readTestList } from '../read-test-list.js';
import { renderForecast, renderImports, renderJob } from '../render-report.js';
import { withStore } from '../with-store.js';
import type { RunOptions } from './run.js';

/** `allot run`: syncs the pool files, runs one job for all their tests, writes the results file. */
export async function runAction(
  cli: CliContext,
  files: string[],
  options: RunOptions,
): Promise<number> {
  const { stdout, stderr } = cli.io;
  const namespace = options.namespace ?? githubRunNamespace(cli.io.env);
  const only = options.tests === undefined ? undefined : await readTestList(options.tests);
  const report = await withStore(cli.store(), async (store) => {
    const synced = await syncPoolFiles(store, DEFAULT_WORKSPACE, files).catch(missingFileIsUsage);
    if (!options.json) stdout.write(renderImports(synced.imported));
    const bar = new ProgressBar({ stream: stderr });
    try {
      return await executeBundle(store, {
        // A test the list names that no pool file has fails in the report, as any unknown test does.
        tests: only ?? synced.tests,
        workspace: DEFAULT_WORKSPACE,
        ...(options.ttl === undefined ? {} : { ttlSeconds: options.ttl }),
        ...(namespace === undefined ? {} : { namespace }),
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
