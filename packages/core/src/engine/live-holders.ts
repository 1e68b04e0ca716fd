import { testId, type JobRecord } from '../model/job-record.js';
import { jobTestIndex } from '../job-test-index.js';
import { holdsRows, isJobLive } from '../store/store-document.js';
import type { JobStore } from '../store/store.js';
import type { Resolved } from './find-classes.js';

/** Tests whose result is held by a live job, with that job. */
export async function liveHolders(
  store: JobStore,
  workspace: string,
  items: readonly Resolved[],
  now: Date,
): Promise<Map<Resolved, JobRecord>> {
  const holders = new Map<Resolved, JobRecord>();
  const refs = items.map((item) => item.ref);
  const jobIds = new Map<string, number>();
  if (store.liveResultHolders !== undefined) {
    for (const [id, job] of await store.liveResultHolders(workspace, refs, now))
      jobIds.set(id, job);
  } else {
    for (const [id, result] of await store.getResults(workspace, refs))
      jobIds.set(id, result.jobId);
  }
  // Every holding job is read at once, not one after the other.
  const ids = [...new Set(jobIds.values())];
  const read = await Promise.all(ids.map((id) => store.getJob(workspace, id)));
  const jobs = new Map(ids.map((id, index) => [id, read[index]]));
  for (const item of items) {
    const jobId = jobIds.get(testId(item.ref));
    // Checked on the record too: the store's answer and the job read are two reads.
    const job = jobId === undefined ? undefined : jobs.get(jobId);
    if (job === undefined || !isJobLive(job, now)) continue;
    const test = job.tests[jobTestIndex(job, item.ref)];
    if (test !== undefined && holdsRows(test)) holders.set(item, job);
  }
  return holders;
}

/** The tests no live job holds: the ones this job allocates. */
export function unheld(
  items: readonly Resolved[],
  held: ReadonlyMap<Resolved, JobRecord>,
): Resolved[] {
  return items.filter((item) => !held.has(item));
}

/** Whether two lookups found the same jobs holding the same tests, so replanning would change nothing. */
export function sameHolders(
  a: ReadonlyMap<Resolved, JobRecord>,
  b: ReadonlyMap<Resolved, JobRecord>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [item, job] of a) if (b.get(item)?.id !== job.id) return false;
  return true;
}
