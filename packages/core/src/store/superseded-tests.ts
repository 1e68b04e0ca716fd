import { testId, type TestRef } from '../model/job-record.js';
import { holdingTestIndexes } from './holding-test.js';
import { isJobLive, type WorkspaceDocument } from './store-document.js';

/** Live tests of earlier jobs that a refresh replaces, as [job id, test index]. */
export function supersededTests(
  ws: WorkspaceDocument,
  refs: TestRef[],
  now: Date,
): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const ref of refs) {
    const result = ws.results[testId(ref)];
    const job = result === undefined ? undefined : ws.jobs[String(result.jobId)];
    if (job === undefined || !isJobLive(job, now)) continue;
    for (const index of holdingTestIndexes(job, ref)) found.push([job.id, index]);
  }
  return found;
}

/**
 * Marks superseded tests released in a drafted workspace whose `jobs` map is
 * already a fresh copy (see draft-workspace.ts), so their rows are free for
 * the commit that replaces them.
 */
export function releaseSuperseded(
  ws: WorkspaceDocument,
  superseded: Array<[number, number]>,
  now: Date,
): void {
  const byJob = new Map<number, Set<number>>();
  for (const [jobId, index] of superseded)
    byJob.set(jobId, (byJob.get(jobId) ?? new Set()).add(index));
  for (const [jobId, indexes] of byJob) {
    const job = ws.jobs[String(jobId)];
    if (job === undefined) continue;
    const tests = job.tests.map((t, i) =>
      indexes.has(i) ? { ...t, releasedAt: now.toISOString() } : t,
    );
    ws.jobs[String(jobId)] = { ...job, tests };
  }
}
