import type { BlockStore, JobStore, PoolStore } from '../store/store.js';
import type { ExecuteOptions } from './execute-options.js';
import type { FindClass } from './find-classes.js';
import type { JobProgress } from './job-report.js';

/**
 * What every attempt of one job shares: planning, the shortfall census and
 * the commit all read it. `classes` changes between attempts when a
 * concurrent job turns out to hold some of the tests.
 */
export interface JobRun {
  store: BlockStore & PoolStore & JobStore;
  workspace: string;
  options: ExecuteOptions;
  classes: FindClass[];
  progress: (progress: JobProgress) => void;
  /** `null` for a dry run, which commits nothing. */
  jobId: number | null;
  namespace: string;
}
