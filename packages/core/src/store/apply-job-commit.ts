import type { BlockVersionMeta } from '../model/block-version.js';
import { rowId, testId, type JobCommit, type JobRecord } from '../model/job-record.js';
import { appendVersions } from './append-versions.js';
import { draftWorkspace } from './draft-workspace.js';
import { holdsRows, type StoreDocument } from './store-document.js';
import { releaseSuperseded } from './superseded-tests.js';

/** What a checked commit writes besides itself. */
export interface CommitWrites {
  /** The job the commit records. */
  job: JobRecord;
  /** Tests of earlier jobs the commit replaces, as [job id, test index]. */
  superseded: Array<[number, number]>;
  /** Versions of made rows, already written by the persistence. */
  metas: BlockVersionMeta[];
  now: Date;
}

/**
 * Records a checked job commit in a draft: its job id, the release of the
 * tests it supersedes, the job, its results, the rows it consumes and the
 * versions of the rows it made.
 */
export function applyJobCommit(
  draft: StoreDocument,
  commit: JobCommit,
  writes: CommitWrites,
): void {
  const { job, superseded, metas, now } = writes;
  const target = draftWorkspace(draft, commit.workspace, 'jobs', 'results', 'consumed', 'blocks');
  target.lastIds = { ...target.lastIds, job: Math.max(target.lastIds.job, commit.jobId) };
  releaseSuperseded(target, superseded, now);
  target.jobs[String(job.id)] = job;
  for (const result of commit.results) target.results[testId(result)] = result;
  for (const test of commit.tests) {
    if (!test.consume || !holdsRows(test)) continue;
    for (const row of test.rows) target.consumed[rowId(row.block, row.key)] = job.id;
  }
  appendVersions(target.blocks, metas);
}
