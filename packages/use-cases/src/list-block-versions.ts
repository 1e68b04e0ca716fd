import { AllotError, type BlockStore, type BlockVersionMeta } from '@allot/core';

/** Every version of a data block, oldest first; `NOT_FOUND` when it has none. */
export async function listBlockVersions(
  store: BlockStore,
  workspace: string,
  block: string,
): Promise<BlockVersionMeta[]> {
  const versions = await store.listBlockVersions(workspace, block);
  if (versions.length === 0)
    throw new AllotError('NOT_FOUND', `data block "${block}" does not exist`);
  return versions;
}
