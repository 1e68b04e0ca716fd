import { DEFAULT_WORKSPACE, type JobRecord } from '@allot/core';
import { listJobs } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { formatTable } from '../format-table.js';
import { withStore } from '../with-store.js';

/** `allot jobs`: a table of recent jobs and the state of their leases. */
export async function jobsAction(cli: CliContext, options: { limit: number }): Promise<void> {
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
