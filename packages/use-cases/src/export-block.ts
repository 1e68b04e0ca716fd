import type { BlockStore, BlockVersion } from '@allot/core';

/**
 * The rows of a data block version (its latest when `version` is
 * undefined), or undefined when the block or the version does not exist:
 * each surface words the absence for its readers.
 */
export function exportBlock(
  store: BlockStore,
  workspace: string,
  block: string,
  version?: string,
): Promise<BlockVersion | undefined> {
  return store.getBlock(workspace, block, version);
}
