import {
  ALLOCATION_JOB_TYPE,
  type VENDOR_JOB_STATES,
  type VendorJob,
} from '../schemas/vendor-job.js';
import type { JobStatus } from './job-status.js';

type VendorJobState = (typeof VENDOR_JOB_STATES)[number];

const STATES: Record<JobStatus['state'], VendorJobState> = {
  running: 'InProgress',
  complete: 'Complete',
  // Clients fail the run on Error and show progressMessage: failures must not pass as Complete.
  failed: 'Error',
  error: 'Error',
};

/** The vendor view of a job of `workspace`: a bundle answered by an earlier job reports that job. */
export function toVendorJob(status: JobStatus, workspace: string): VendorJob {
  return {
    id: status.answeredBy ?? status.id,
    jobState: status.queued ? 'InQueue' : STATES[status.state],
    jobType: ALLOCATION_JOB_TYPE,
    createdDate: status.createdAt,
    lastUpdate: status.updatedAt,
    cancel: false,
    expectResult: true,
    localJob: false,
    progressMessage: status.message,
    createdUser: status.createdUser,
    tenant: workspace,
    APIKey: status.keyId,
    noPasses: status.allocated + status.made + status.reused,
    noFailures: status.failed,
  };
}
