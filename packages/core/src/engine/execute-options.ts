import type { TestRef } from '../model/job-record.js';
import type { JobProgress } from './job-report.js';
import type { MakeHooks } from './make-hooks.js';
import type { ResolutionDatabase } from './resolution-database.js';

/** What {@link executeJob} is asked to do, and with which clock, ids and server. */
export interface ExecuteOptions {
  /** The tests to allocate together: uniqueness holds across all of them. */
  tests: readonly TestRef[];
  workspace?: string;
  /** Lease lifetime; default {@link DEFAULT_TTL_SECONDS}. */
  ttlSeconds?: number;
  /** Allocate anew even when live results exist (their leases end). */
  refresh?: boolean;
  /** Plan and report without committing anything. */
  dryRun?: boolean;
  /** Goes into make templates as `{{run.namespace}}`; default random. */
  namespace?: string;
  /** Seeds makes, so a run can be reproduced. */
  seed?: string;
  clock?: () => Date;
  onProgress?: (progress: JobProgress) => void;
  /** An id from `store.reserveJobId`, for callers that announce the job before it commits. */
  jobId?: number;
  /** The registered database that resolves SQL finds and makes; data block finds need none. */
  server?: ResolutionDatabase;
  /** Quotas before each made row, and what to record of the rows made. */
  makeHooks?: MakeHooks;
}
