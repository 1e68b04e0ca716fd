import { AllotError, type BlockStore, type BlockVersion } from '@allot/core';

/**
 * The rows of a data block version, its latest when `version` is undefined;
 * `NOT_FOUND` saying whether the block or the version is missing.
 */
export async function readBlock(
  store: BlockStore,
  workspace: string,
  block: string,
  version?: string,
): Promise<BlockVersion> {
  const found = await store.getBlock(workspace, block, version);
  if (found === undefined) {
    throw new AllotError(
      'NOT_FOUND',
      version === undefined
        ? `data block "${block}" does not exist`
        : `data block "${block}" has no version ${version}`,
    );
  }
  return found;
}
