/** How one test of a job fared: rows found, rows made, rows kept from a live job, or none. */
export type TestStatus = 'allocated' | 'made' | 'cached' | 'failed';

/** Where a running job is: its phase and how far through it. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

/** One test of a job, as `GET /api/v1/jobs/{id}` reports it (values come from the result routes). */
export interface JobTestStatus {
  pool: string;
  suite: string;
  test: string;
  status: TestStatus;
  /** For a failure: why the test got no data. */
  reason: string | null;
  /** For `cached`: the earlier job that holds the rows. */
  fromJob: number | null;
  releasedAt: string | null;
}

/**
 * A job of the `/api/v1` routes: `running` until it ends `complete` (every
 * test got data), `failed` (some test got none, the rest are leased) or
 * `error` (the job itself failed and leased nothing).
 */
export interface JobStatus {
  id: number;
  /** The committed job holding the results: differs from `id` when an earlier live job answered the same bundle. */
  answeredBy: number | null;
  state: 'running' | 'complete' | 'failed' | 'error';
  /** A running job waiting for the earlier jobs of its workspace. */
  queued: boolean;
  progress: JobProgress | null;
  /** A line a person can read: progress, counts, or why the job failed. */
  message: string;
  createdAt: string;
  updatedAt: string;
  /** When the leases end; null until the job has committed. */
  expiresAt: string | null;
  releasedAt: string | null;
  /** The job's `{{run.namespace}}`; null until it has committed (absent from older servers). */
  namespace?: string | null;
  allocated: number;
  made: number;
  reused: number;
  failed: number;
  tests: JobTestStatus[];
}
