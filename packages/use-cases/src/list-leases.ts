import type { JobRecord, JobStore, RowRef } from '@allot/core';

/** One test's live hold on its rows. */
export interface LeaseView {
  job: number;
  pool: string;
  suite: string;
  test: string;
  holder: string | null;
  rows: RowRef[];
  shared: boolean;
  consume: boolean;
  since: string;
  until: string;
}

/** Which leases to list. */
export interface LeaseFilter {
  pool?: string;
  job?: number;
  limit: number;
  offset: number;
}

/** Jobs are read from the store this many at a time, newest first. */
const JOB_BATCH = 5000;

/**
 * The live leases of a workspace at `now`, newest job first: every test of
 * a job that is neither released nor expired and still holds rows (a test
 * released on its own, a failed test and a test answered from an earlier
 * job hold none). `holder` is who executed the job, while its state is kept.
 * Answers one page and the number of leases in all.
 */
export async function listLeases(
  store: JobStore,
  workspace: string,
  filter: LeaseFilter,
  now: Date,
): Promise<{ items: LeaseView[]; total: number }> {
  const held: Array<{ job: JobRecord; index: number }> = [];
  for (const job of await liveJobs(store, workspace, filter.job, now)) {
    job.tests.forEach((test, index) => {
      if (test.releasedAt !== null || test.rows.length === 0 || test.status === 'cached') return;
      if (filter.pool !== undefined && test.pool !== filter.pool) return;
      held.push({ job, index });
    });
  }
  const page = held.slice(filter.offset, filter.offset + filter.limit);
  const holders = new Map<number, string | null>();
  for (const { job } of page) {
    if (!holders.has(job.id))
      holders.set(job.id, (await store.getJobState(workspace, job.id))?.createdUser ?? null);
  }
  const items = page.map(({ job, index }) => {
    const test = job.tests[index]!;
    return {
      job: job.id,
      pool: test.pool,
      suite: test.suite,
      test: test.test,
      holder: holders.get(job.id) ?? null,
      rows: test.rows.map((r) => ({ block: r.block, key: r.key })),
      shared: test.readOnly,
      consume: test.consume,
      since: job.createdAt,
      until: job.expiresAt,
    };
  });
  return { items, total: held.length };
}

async function liveJobs(
  store: JobStore,
  workspace: string,
  id: number | undefined,
  now: Date,
): Promise<JobRecord[]> {
  const live = (job: JobRecord) =>
    job.releasedAt === null && Date.parse(job.expiresAt) > now.getTime();
  if (id !== undefined) {
    const job = await store.getJob(workspace, id);
    return job !== undefined && live(job) ? [job] : [];
  }
  const jobs: JobRecord[] = [];
  for (let offset = 0; ; offset += JOB_BATCH) {
    const batch = await store.listJobs(workspace, { limit: JOB_BATCH, offset });
    jobs.push(...batch.filter(live));
    if (batch.length < JOB_BATCH) return jobs;
  }
}
