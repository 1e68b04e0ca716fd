import { syncPoolFiles as syncFiles, type SyncedPools } from '@allot/core';

/** The store slices a pool-file sync writes. */
export type SyncStore = Parameters<typeof syncFiles>[0];

/**
 * Brings pool files into a workspace before a local run: imports each block
 * file that changed as a new version, stores each pool, and lists the tests.
 */
export function syncPoolFiles(
  store: SyncStore,
  workspace: string,
  files: readonly string[],
): Promise<SyncedPools> {
  return syncFiles(store, workspace, files);
}
