import { executeJob, type ExecuteOptions, type JobReport } from '@allot/core';

/** The store slices a job reads and writes: whatever the engine asks for. */
export type ExecuteStore = Parameters<typeof executeJob>[0];

/**
 * Runs a bundle of allocation tests as one job (or answers it from a live
 * earlier job) and reports every test's outcome. The server runs it through
 * its job runner; the CLI and the action run it in their own process.
 */
export function executeBundle(store: ExecuteStore, options: ExecuteOptions): Promise<JobReport> {
  return executeJob(store, options);
}
