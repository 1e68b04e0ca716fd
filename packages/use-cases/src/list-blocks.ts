import type { BlockStore, BlockVersionMeta } from '@allot/core';

/** The latest version of every data block of a workspace. */
export function listBlocks(store: BlockStore, workspace: string): Promise<BlockVersionMeta[]> {
  return store.listBlocks(workspace);
}
