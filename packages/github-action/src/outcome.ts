import type { JobReport } from '@allot/core';
import type { RequestedTest } from './requested-test.js';

/** The report of a job that committed: it has an id and an end to its leases. */
export type CommittedReport = JobReport & { jobId: number; expiresAt: string };

/** What a run of the action did. */
export interface Outcome {
  /** Null when no requested test is defined in a pool: no job ran. */
  report: CommittedReport | null;
  /** Requested tests no pool defines. */
  missing: RequestedTest[];
}

/** The job the post step acts on, saved as soon as the main step learns of it. */
export interface HeldJob {
  /** The job holding the leases; before the job has ended, the job this run started. */
  jobId: number;
  /**
   * False when an earlier live job of the same bundle answered this run: that
   * job belongs to the run that created it, which releases it.
   */
  created: boolean;
  /** When the leases end; null until the job has committed. */
  expiresAt: string | null;
}

/** Called with the job each time the main step learns more about it. */
export type RememberJob = (job: HeldJob) => void;

/** Where the post step finds the job to release. */
export type ReleaseTarget =
  | { kind: 'server'; url: string; jobId: number }
  | { kind: 'embedded'; store: string; jobId: number };

/** A report from `executeJob`, checked to be a committed job (the action never dry-runs). */
export function committed(report: JobReport): CommittedReport {
  const { jobId, expiresAt } = report;
  if (jobId === null || expiresAt === null)
    throw new Error('the allocation job did not commit: it reported no job id');
  return { ...report, jobId, expiresAt };
}
