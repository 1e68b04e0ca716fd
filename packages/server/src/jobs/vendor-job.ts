import type { JobStatus } from './job-status.js';

/** The vendor's job states, as its clients compare them. */
export type VendorJobState =
  'Created' | 'InQueue' | 'InProgress' | 'Complete' | 'Error' | 'Cancelled';

/** The job object of the vendor protocol: what its Java, Python and Cypress clients read. */
export interface VendorJob {
  /** An integer: clients parse it as a long. */
  id: number;
  jobState: VendorJobState;
  progressMessage: string;
  jobType: string;
  createdDate: string;
  lastUpdate: string;
}

const STATES: Record<JobStatus['state'], VendorJobState> = {
  running: 'InProgress',
  complete: 'Complete',
  // Clients fail the run on Error and show progressMessage: failures must not pass as Complete.
  failed: 'Error',
  error: 'Error',
};

/** The vendor view of a job: a bundle answered by an earlier job reports that job. */
export function toVendorJob(status: JobStatus): VendorJob {
  return {
    id: status.answeredBy ?? status.id,
    jobState: status.queued ? 'InQueue' : STATES[status.state],
    progressMessage: status.message,
    jobType: 'Allocation',
    createdDate: status.createdAt,
    lastUpdate: status.updatedAt,
  };
}
