import { DEFAULT_WORKSPACE, type JobRecord, type MadeRowRecord } from '@allot/core';
import { listJobs, listMadeRows } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { formatTable } from '../format-table.js';
import { withStore } from '../with-store.js';

/** `allot jobs`: a table of recent jobs and the state of their leases. */
export async function jobsAction(
  cli: CliContext,
  options: { limit: number; teardownFailed?: boolean },
): Promise<void> {
  if (options.teardownFailed === true) return failedTeardowns(cli, options.limit);
  const jobs = await withStore(cli.store(), (store) =>
    listJobs(store, DEFAULT_WORKSPACE, { limit: options.limit, offset: 0 }),
  );
  if (jobs.length === 0) {
    cli.io.stdout.write('no jobs yet\n');
    return;
  }
  const now = Date.now();
  const columns = [
    { header: 'id', align: 'right' as const },
    { header: 'created' },
    { header: 'state' },
    { header: 'allocated/made/failed' },
    { header: 'leases' },
  ];
  cli.io.stdout.write(
    formatTable(
      columns,
      jobs.map((job) => jobCells(job, now)),
    ),
  );
}

function jobCells(job: JobRecord, now: number): string[] {
  return [
    String(job.id),
    job.createdAt,
    job.state,
    `${job.allocated}/${job.made}/${job.failed}`,
    leaseState(job, now),
  ];
}

function leaseState(job: JobRecord, now: number): string {
  if (job.releasedAt !== null) return `released ${job.releasedAt}`;
  if (Date.parse(job.expiresAt) <= now) return `expired ${job.expiresAt}`;
  return `live until ${job.expiresAt}`;
}

/** `allot jobs --teardown-failed`: made rows whose teardown failed, newest first. */
async function failedTeardowns(cli: CliContext, limit: number): Promise<void> {
  const rows = await withStore(cli.store(), (store) =>
    listMadeRows(store, DEFAULT_WORKSPACE, { state: 'failed' }, { limit, offset: 0 }),
  );
  if (rows.length === 0) {
    cli.io.stdout.write('no failed teardowns\n');
    return;
  }
  const columns = [
    { header: 'job', align: 'right' as const },
    { header: 'test' },
    { header: 'row' },
    { header: 'attempts', align: 'right' as const },
    { header: 'last error' },
  ];
  cli.io.stdout.write(formatTable(columns, rows.map(teardownCells)));
}

function teardownCells(row: MadeRowRecord): string[] {
  return [
    row.jobId === null ? '-' : String(row.jobId),
    `${row.pool}/${row.suite}/${row.test}`,
    `${row.block} ${row.key}`,
    String(row.attempts),
    row.lastError ?? '',
  ];
}
