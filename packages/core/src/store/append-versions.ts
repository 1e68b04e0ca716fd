import type { BlockVersionMeta } from '../model/block-version.js';
import { ownEntry, setOwnEntry } from './own-entry.js';

/**
 * Adds new versions after the existing ones of their blocks, in a `blocks`
 * map already copied into a draft (see draft-workspace.ts).
 */
export function appendVersions(
  blocks: Record<string, BlockVersionMeta[]>,
  metas: readonly BlockVersionMeta[],
): void {
  for (const meta of metas)
    setOwnEntry(blocks, meta.block, [...(ownEntry(blocks, meta.block) ?? []), meta]);
}
