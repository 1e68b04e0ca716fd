import { AllotError, type BlockStore, type BlockVersionMeta } from '@allot/core';
import { listBlockVersions } from './list-block-versions.js';

/**
 * The metadata of one version of a data block, its latest when `version` is
 * undefined; `NOT_FOUND` when the block or the version does not exist.
 */
export async function readBlockVersion(
  store: BlockStore,
  workspace: string,
  block: string,
  version?: string,
): Promise<BlockVersionMeta> {
  const versions = await listBlockVersions(store, workspace, block);
  const found =
    version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (found === undefined)
    throw new AllotError('NOT_FOUND', `data block "${block}" has no version ${version}`);
  return found;
}
