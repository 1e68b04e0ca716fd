import {
  ALLOCATION_JOB_TYPE,
  type JobStatus,
  type VendorJob as CuriosityJob,
  type VendorJobState as CuriosityJobState,
} from '@allot/protocol';

const STATES: Record<JobStatus['state'], CuriosityJobState> = {
  running: 'InProgress',
  complete: 'Complete',
  // Clients fail the run on Error and show progressMessage: failures must not pass as Complete.
  failed: 'Error',
  error: 'Error',
};

/** A job of `workspace` as Curiosity clients read it: a bundle answered by an earlier job reports that job. */
export function toCuriosityJob(status: JobStatus, workspace: string): CuriosityJob {
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
