import {
  AllotError,
  LeaseConflictError,
  jobFromCommit,
  leaseConflict,
  testId,
  type JobCommit,
  type JobRecord,
  type JobTest,
  type ResultRecord,
  type TestRef,
} from '@allot/core';
import { writeVersion, type CheckMadeKeys } from './block-versions.js';
import { constraintOf, SQLSTATE, sqlState } from './pg-errors.js';
import type { Queryable, SqlRunner } from './sql-runner.js';

/** One row a commit leases. */
interface Claim {
  block: string;
  row_key: string;
  test_index: number;
  shared: boolean;
}

const LEASE_INDEX = 'leases_one_exclusive';
const KEY_INDEX = 'block_rows_key';

/**
 * Writes a job inside the caller's transaction: ends superseded leases,
 * claims the job's rows in one statement, records consumption, appends made
 * rows as new block versions, and stores the job, its tests and results.
 * Throws {@link LeaseConflictError} when a row is consumed or held against
 * the job, or when another live job committed first with a test this job
 * allocated (the job holding a test's result is the only one leasing rows
 * for it); the caller rolls back on any error.
 */
export async function writeJob(
  sql: SqlRunner,
  client: Queryable,
  commit: JobCommit,
  context: { now: Date; checkMadeKeys: CheckMadeKeys },
): Promise<JobRecord> {
  const { workspace, jobId } = commit;
  const { now } = context;
  const claims = claimsOf(commit.tests);
  const results = latestResults(commit.results);
  const blocks = new Set(claims.map((claim) => claim.block));
  const pools = new Set([...results, ...commit.supersedes].map((ref) => ref.pool));
  // First, before any row lock: see lock-commit.sql.
  if (blocks.size > 0 || pools.size > 0)
    await sql.run(client, 'lock-commit', {
      workspace,
      blocks: [...blocks],
      pools: [...pools],
    });
  if (commit.supersedes.length > 0)
    await sql.run(client, 'release-superseded', {
      workspace,
      ...refArrays(commit.supersedes),
      now,
    });
  if (results.length > 0) {
    const taken = await sql.run<TestRef>(client, 'find-taken-tests', {
      workspace,
      job_id: jobId,
      ...refArrays(results),
      now,
    });
    if (taken.rows.length > 0) throw leaseConflict([], taken.rows);
  }
  if (claims.length > 0) {
    const rows = { blocks: claims.map((c) => c.block), row_keys: claims.map((c) => c.row_key) };
    const shared = claims.map((claim) => claim.shared);
    await sql.run(client, 'purge-expired-leases', { workspace, ...rows, now });
    const claimed = await sql.run(client, 'claim-rows', {
      workspace,
      job_id: jobId,
      now,
      expires_at: commit.expiresAt,
      ...rows,
      test_indexes: claims.map((claim) => claim.test_index),
      shared,
    });
    if (claimed.rowCount !== claims.length) {
      const conflicts = await sql.run<{ block: string; row_key: string }>(
        client,
        'find-claim-conflicts',
        { workspace, ...rows, shared, now },
      );
      throw leaseConflict(conflicts.rows.map((row) => ({ block: row.block, key: row.row_key })));
    }
    const eaten = claims.filter((claim) => commit.tests[claim.test_index]?.consume === true);
    if (eaten.length > 0)
      await sql.run(client, 'insert-consumed', {
        workspace,
        job_id: jobId,
        rows: JSON.stringify(eaten),
      });
  }
  const made = [...commit.madeRows].sort((a, b) =>
    a.block < b.block ? -1 : a.block > b.block ? 1 : 0,
  );
  for (const input of made) {
    await writeVersion(
      sql,
      client,
      { workspace, now, checkMadeKeys: context.checkMadeKeys },
      input,
    );
  }
  const job = jobFromCommit(commit);
  await sql.run(client, 'advance-job-ids', { workspace, job_id: jobId });
  await sql.run(client, 'insert-job', {
    id: job.id,
    workspace,
    bundle_key: job.bundleKey,
    state: job.state,
    namespace: job.namespace,
    created_at: job.createdAt,
    expires_at: job.expiresAt,
    allocated: job.allocated,
    made: job.made,
    cached: job.cached,
    failed: job.failed,
  });
  await sql.run(client, 'insert-job-tests', {
    workspace,
    job_id: job.id,
    ...refArrays(commit.tests),
    statuses: commit.tests.map((test) => test.status),
    reasons: commit.tests.map((test) => test.reason),
    rows: commit.tests.map((test) => JSON.stringify(test.rows)),
    read_only: commit.tests.map((test) => test.readOnly),
    consume: commit.tests.map((test) => test.consume),
    from_jobs: commit.tests.map((test) => test.fromJob),
    released_at: commit.tests.map((test) => test.releasedAt),
  });
  if (results.length > 0)
    await sql.run(client, 'upsert-results', { workspace, results: JSON.stringify(results) });
  return job;
}

/** Test references as the statements read them: three arrays of one length. */
function refArrays(refs: readonly TestRef[]): {
  pools: string[];
  suites: string[];
  tests: string[];
} {
  return {
    pools: refs.map((ref) => ref.pool),
    suites: refs.map((ref) => ref.suite),
    tests: refs.map((ref) => ref.test),
  };
}

/** The rows of tests that hold rows, in one order (for the messages; locking is per block). */
function claimsOf(tests: readonly JobTest[]): Claim[] {
  const claims: Claim[] = [];
  tests.forEach((test, index) => {
    if (test.releasedAt !== null || (test.status !== 'allocated' && test.status !== 'made')) return;
    for (const row of test.rows)
      claims.push({ block: row.block, row_key: row.key, test_index: index, shared: test.readOnly });
  });
  return claims.sort(
    (a, b) =>
      compare(a.block, b.block) || compare(a.row_key, b.row_key) || a.test_index - b.test_index,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One result per test, the last one given, as the document store keeps them. */
function latestResults(results: readonly ResultRecord[]): ResultRecord[] {
  return [...new Map(results.map((result) => [testId(result), result])).values()];
}

/**
 * Database refusals that mean "lost a race" or "repeats a key" become the
 * errors the engine retries on; anything else is returned as it is.
 */
export function commitErrorOf(error: unknown): unknown {
  const state = sqlState(error);
  const constraint = constraintOf(error);
  if (state === SQLSTATE.uniqueViolation && constraint === LEASE_INDEX) {
    return new LeaseConflictError([detailOf(error)]);
  }
  if (state === SQLSTATE.deadlockDetected || state === SQLSTATE.serializationFailure) {
    return new LeaseConflictError([]);
  }
  if (state === SQLSTATE.uniqueViolation && constraint === KEY_INDEX) {
    return new AllotError(
      'DUPLICATE_KEY',
      `a made row repeats a key of its data block (${detailOf(error)})`,
      {},
    );
  }
  return error;
}

function detailOf(error: unknown): string {
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' ? detail : String(error);
}
