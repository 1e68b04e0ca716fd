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
  const results = await store.getResults(
    workspace,
    items.map((item) => item.ref),
  );
  // Every holding job is read at once, not one after the other.
  const ids = [...new Set([...results.values()].map((result) => result.jobId))];
  const read = await Promise.all(ids.map((id) => store.getJob(workspace, id)));
  const jobs = new Map(ids.map((id, index) => [id, read[index]]));
  for (const item of items) {
    const result = results.get(testId(item.ref));
    const job = result === undefined ? undefined : jobs.get(result.jobId);
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
