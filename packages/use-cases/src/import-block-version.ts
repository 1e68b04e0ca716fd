import { importBlock, type ImportBlockOptions, type ImportBlockResult } from '@allot/core';

/** The store slices an import writes. */
export type ImportStore = Parameters<typeof importBlock>[0];

/**
 * Adds CSV or JSON text as the next version of a data block (or, with
 * `skipUnchanged`, answers the last version when the text is the same).
 */
export function importBlockVersion(
  store: ImportStore,
  options: ImportBlockOptions,
): Promise<ImportBlockResult> {
  return importBlock(store, options);
}
