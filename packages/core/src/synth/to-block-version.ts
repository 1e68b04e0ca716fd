import type { NewBlockVersion } from '../model/block-version.js';
import { BlockVersionBuilder, type BlockVersionTarget } from './block-version-builder.js';
import type { SynthRecord } from './record-plan.js';

/** Options of {@link toBlockVersion}. */
export interface ToBlockVersionOptions extends BlockVersionTarget {
  /** Records, or batches of them, as `generateRecords` yields. */
  records: Iterable<SynthRecord | readonly SynthRecord[]>;
}

/**
 * Generated records as a new data block version: the columns of
 * `recordColumns` (nested fields as dot paths, arrays as JSON text) and one
 * row per record, so allocation pools can find and lease synthetic rows like
 * imported ones. The rows are held in memory, as a block version's are;
 * {@link BlockVersionBuilder} builds the same version batch by batch.
 */
export function toBlockVersion(options: ToBlockVersionOptions): NewBlockVersion {
  const builder = new BlockVersionBuilder(options);
  for (const item of options.records)
    builder.add(Array.isArray(item) ? (item as readonly SynthRecord[]) : [item as SynthRecord]);
  return builder.build();
}
