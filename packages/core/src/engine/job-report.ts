import type { RowObject } from '../model/block-version.js';
import type { TestRef, TestStatus } from '../model/job-record.js';
import type { TopUp } from '../model/pool-definition.js';

/** What one test of a job received, as reported to people and clients. */
export interface TestOutcome extends TestRef {
  status: TestStatus;
  /** For a failure: what a person can act on. */
  reason: string | null;
  /** The test's rows, `{column: value}` each. */
  values: RowObject[];
  /** Columns whose values are secret (masked in summaries). */
  secrets: string[];
}

/** For a dry run: how one find of the bundle would fare. */
export interface FindForecast {
  pool: string;
  /** `customers@1.2` */
  block: string;
  find: string;
  readOnly: boolean;
  /** Tests with this find, and the rows they need together. */
  tests: number;
  demand: number;
  qualifying: number;
  free: number;
  /** Rows the matching would give these tests. */
  matched: number;
  /** Rows makes would have to create. */
  makes: number;
  /** Rows nobody could provide: the tests that would fail. */
  short: number;
  /** The tests of this find. */
  refs: TestRef[];
  /** The find's watermarks, when a test of it declares a top-up. */
  topUp: TopUp | null;
  /** Rows made ahead by the top-up that wait free in the pool (filled in by callers that know). */
  madeAhead: number;
  /** Qualifying rows that live leases of jobs hold against these tests. */
  leased: number;
  /** Qualifying rows that tests consumed: they never come back. */
  consumed: number;
}

/** The outcome of executing (or dry-running) a bundle. */
export interface JobReport {
  /** Null for a dry run. */
  jobId: number | null;
  dryRun: boolean;
  /** True when the whole bundle was answered by an earlier live job. */
  cached: boolean;
  state: 'complete' | 'failed';
  namespace: string;
  expiresAt: string | null;
  allocated: number;
  made: number;
  reused: number;
  failed: number;
  tests: TestOutcome[];
  /** Dry runs only. */
  forecast: FindForecast[];
}

/** Progress of a job, for progress bars. */
export interface JobProgress {
  phase: 'resolve' | 'candidates' | 'matching' | 'makes' | 'commit' | 'done';
  done: number;
  total: number;
  /** Why the job waits, when it does (a make's quota). */
  message?: string;
}
