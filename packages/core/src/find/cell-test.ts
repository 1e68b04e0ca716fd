import type { Value } from '../model/block-version.js';

/**
 * A compiled test of one cell. `undefined` stands for a cell missing from a
 * short row, and counts as null.
 */
export type CellTest = (cell: Value | undefined) => boolean;
