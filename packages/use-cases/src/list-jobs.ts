import type { JobRecord, JobStore, Page } from '@allot/core';

/** A page of a workspace's committed jobs, newest first. */
export function listJobs(store: JobStore, workspace: string, page: Page): Promise<JobRecord[]> {
  return store.listJobs(workspace, page);
}
