import { DEFAULT_WORKSPACE } from '@allot/core';
import { allocateCoverage, type ProjectRef } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { CommandFailure, UsageError } from '../exit-codes.js';
import { withStore } from '../with-store.js';
import type { CoverageAllocateOptions } from './coverage.js';

/** `allot coverage allocate`: allocates a calculated coverage on the store, as the server would. */
export async function coverageAllocateAction(
  cli: CliContext,
  target: { project: string; set: string; version: string },
  options: CoverageAllocateOptions,
): Promise<void> {
  const report = await withStore(cli.store(), (store) =>
    allocateCoverage(
      store,
      {
        workspace: DEFAULT_WORKSPACE,
        project: projectRef(target.project),
        coverageSet: { name: target.set, version: target.version },
        makes: options.makes,
        ...(options.key === undefined ? {} : { key: options.key }),
        ...(options.calculation === undefined ? {} : { calculation: options.calculation }),
      },
      { dryRun: options.dryRun === true },
    ),
  );
  if (options.json === true) cli.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const job = report.jobId === null ? 'dry run' : `job ${report.jobId}`;
    cli.io.stdout.write(
      `${report.pool} (${report.mode}), ${job}: ${report.allocated} allocated, ${report.made} made, ${report.failed} failed\n`,
    );
    for (const outcome of report.outcomes) {
      const reason = outcome.reason === null ? '' : `: ${outcome.reason}`;
      cli.io.stdout.write(`  ${outcome.status.padEnd(9)} ${outcome.test}${reason}\n`);
    }
    if (report.existing !== undefined) {
      const { tuplesCovered, tuplesRequired, missing } = report.existing;
      cli.io.stdout.write(
        `existing rows cover ${tuplesCovered} of ${tuplesRequired} tuples; no row has ${missing.length}\n`,
      );
    }
  }
  if (report.failed > 0) throw new CommandFailure(`${report.failed} combinations got no rows`);
}

function projectRef(project: string): ProjectRef {
  if (/^\d+$/.test(project)) return { id: Number(project) };
  const at = project.lastIndexOf('@');
  if (at <= 0) throw new UsageError(`the project is an id or name@version, got "${project}"`);
  return { name: project.slice(0, at), version: project.slice(at + 1) };
}
