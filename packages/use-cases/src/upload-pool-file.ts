import { checkPoolFileColumns, type ParsedPoolFile, type PoolStore } from '@allot/core';

/** The store slices a pool-file upload reads and writes. */
export type UploadPoolStore = Parameters<typeof checkPoolFileColumns>[0] & PoolStore;

/**
 * Stores a parsed pool file after checking every column it names against
 * the workspace's data blocks; the problems carry the file's line numbers.
 */
export async function uploadPoolFile(
  store: UploadPoolStore,
  workspace: string,
  source: ParsedPoolFile,
  file: string,
): Promise<void> {
  await checkPoolFileColumns(store, workspace, source, file);
  await store.putPool(workspace, source.pool);
}
