import {
  rowId,
  type ClaimState,
  type JobCommit,
  type LeaseHolder,
  type TestRef,
} from '../model/job-record.js';
import type { ConflictRow } from './lease-conflict.js';
import { holdsRows, isJobLive, type WorkspaceDocument } from './store-document.js';
import { supersededTests } from './superseded-tests.js';

/**
 * Live leases and consumed rows of some blocks. `skip` lists tests whose
 * leases do not count (tests a refresh is about to replace), as [job, index].
 */
export function collectClaims(
  ws: WorkspaceDocument,
  blocks: ReadonlySet<string>,
  now: Date,
  skip: ReadonlyArray<readonly [number, number]> = [],
): ClaimState {
  const leases = new Map<string, LeaseHolder[]>();
  const skipped = new Set(skip.map(([job, index]) => `${job}/${index}`));
  for (const job of Object.values(ws.jobs)) {
    if (!isJobLive(job, now)) continue;
    job.tests.forEach((test, index) => {
      if (!holdsRows(test) || skipped.has(`${job.id}/${index}`)) return;
      for (const row of test.rows) {
        if (!blocks.has(row.block)) continue;
        const id = rowId(row.block, row.key);
        const holders = leases.get(id);
        const holder = { jobId: job.id, shared: test.readOnly };
        if (holders === undefined) leases.set(id, [holder]);
        else holders.push(holder);
      }
    });
  }
  const consumed = new Map<string, number>();
  for (const [id, jobId] of Object.entries(ws.consumed)) {
    const block = id.slice(0, id.indexOf('\u0000'));
    if (blocks.has(block)) consumed.set(id, jobId);
  }
  return { leases, consumed };
}

/**
 * Rows of a commit that it may not take: consumed rows, rows another live
 * job holds (an exclusive test needs a row nobody holds; a read-only test
 * shares only with read-only holders), and rows the commit itself hands to an
 * exclusive test and to anyone else.
 */
export function findConflicts(
  ws: WorkspaceDocument,
  commit: JobCommit,
  skip: ReadonlyArray<readonly [number, number]>,
  now: Date,
): ConflictRow[] {
  const blocks = new Set(commit.tests.flatMap((t) => t.rows.map((r) => r.block)));
  const claims = collectClaims(ws, blocks, now, skip);
  const taken = new Map<string, boolean>();
  const conflicts: ConflictRow[] = [];
  for (const test of commit.tests) {
    if (!holdsRows(test)) continue;
    for (const row of test.rows) {
      const id = rowId(row.block, row.key);
      const holders = claims.leases.get(id) ?? [];
      const heldAgainst = test.readOnly ? holders.some((h) => !h.shared) : holders.length > 0;
      const previous = taken.get(id);
      const takenInCommit = previous !== undefined && !(previous && test.readOnly);
      if (claims.consumed.has(id) || heldAgainst || takenInCommit) conflicts.push(row);
      taken.set(id, test.readOnly && previous !== false);
    }
  }
  return conflicts;
}

/**
 * Tests of a commit whose result another live job holds (and a refresh does
 * not replace): one job holds a test's result at a time, so a commit that
 * allocated such a test lost a race to the job that committed it first.
 * Taking the test anyway would leave the other job's rows leased, consumed
 * or made for nothing until its TTL.
 */
export function findTakenTests(
  ws: WorkspaceDocument,
  commit: JobCommit,
  skip: ReadonlyArray<readonly [number, number]>,
  now: Date,
): TestRef[] {
  const skipped = new Set(skip.map(([job, index]) => `${job}/${index}`));
  return commit.results.filter((result) =>
    supersededTests(ws, [result], now).some(
      ([job, index]) => job !== commit.jobId && !skipped.has(`${job}/${index}`),
    ),
  );
}
