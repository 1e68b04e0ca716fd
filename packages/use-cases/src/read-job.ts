import type { JobRecord, JobStore } from '@allot/core';

/** A committed job as stored, or undefined when the workspace has none with this id. */
export function readJob(
  store: JobStore,
  workspace: string,
  id: number,
): Promise<JobRecord | undefined> {
  return store.getJob(workspace, id);
}
