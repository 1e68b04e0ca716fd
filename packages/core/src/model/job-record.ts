/**
 * Allocation jobs: the tests they answer, the rows they hold, their results
 * and the one commit that writes them. Plain data only, apart from the maps of
 * {@link ClaimState}, which a store computes for the engine and never persists.
 */
import type { NewBlockVersion, RowObject } from './block-version.js';

/** The name of one allocation test, as the vendor API addresses it. */
export interface TestRef {
  pool: string;
  suite: string;
  test: string;
}

/** A row held by a job. */
export interface RowRef {
  block: string;
  key: string;
}

/** How a test of a job fared: rows found, rows made, rows reused from a live job, or none. */
export type TestStatus = 'allocated' | 'made' | 'cached' | 'failed';

/** What one test of a job received. */
export interface JobTest extends TestRef {
  status: TestStatus;
  /** For a failure: what a person can do about it. */
  reason: string | null;
  rows: RowRef[];
  readOnly: boolean;
  consume: boolean;
  /** For `cached`: the job that holds the rows. */
  fromJob: number | null;
  releasedAt: string | null;
}

/** `failed` when any test of the job got no rows. */
export type JobState = 'complete' | 'failed';

/** A committed allocation job. */
export interface JobRecord {
  id: number;
  workspace: string;
  /** Identifies the bundle of tests, so executing it again returns this job. */
  bundleKey: string;
  state: JobState;
  namespace: string;
  createdAt: string;
  expiresAt: string;
  releasedAt: string | null;
  tests: JobTest[];
  allocated: number;
  made: number;
  cached: number;
  failed: number;
}

/** The values allocated to one test. */
export interface ResultRecord extends TestRef {
  jobId: number;
  columns: string[];
  rows: RowObject[];
  createdAt: string;
}

/** A live hold on a row. */
export interface LeaseHolder {
  jobId: number;
  shared: boolean;
}

/** Which rows of some blocks are unavailable, keyed by {@link rowId}. */
export interface ClaimState {
  leases: Map<string, LeaseHolder[]>;
  consumed: Map<string, number>;
}

/** Everything one job writes, in one atomic store operation. */
export interface JobCommit {
  workspace: string;
  jobId: number;
  bundleKey: string;
  namespace: string;
  createdAt: string;
  expiresAt: string;
  tests: JobTest[];
  results: ResultRecord[];
  /** Rows created by makes, appended to each block as a new version. */
  madeRows: NewBlockVersion[];
  /** Live leases of these tests in earlier jobs end with this commit (refresh). */
  supersedes: TestRef[];
}

/** What releasing a job or some of its tests gave back. */
export interface ReleaseOutcome {
  /** Rows whose leases ended. */
  released: number;
  /** Rows of consumed tests, which stay out of the pool. */
  consumed: number;
}

/** The id under which leases and consumption of a row are kept. */
export function rowId(block: string, key: string): string {
  return `${block}\u0000${key}`;
}

/** The id under which a test's result is kept. */
export function testId(ref: TestRef): string {
  return `${ref.pool}\u0000${ref.suite}\u0000${ref.test}`;
}
