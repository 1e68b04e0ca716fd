import type { NewBlockVersion, RowValues } from '../model/block-version.js';
import type { BlockVersionTarget } from './block-version-builder.js';
import { recordColumns } from './record-columns.js';
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
 * imported ones. The rows are held in memory as arrays; a
 * {@link BlockVersionBuilder} builds the same version batch by batch, by
 * column.
 */
export function toBlockVersion(
  options: ToBlockVersionOptions,
): NewBlockVersion & { rows: RowValues[] } {
  const columns = recordColumns(options.schema);
  const rows: RowValues[] = [];
  for (const item of options.records) {
    const records = Array.isArray(item) ? (item as readonly SynthRecord[]) : [item as SynthRecord];
    for (const record of records) rows.push(columns.map((column) => column.cell(record)));
  }
  return {
    block: options.block,
    columns: columns.map((c) => c.name),
    keyColumn: options.keyColumn ?? null,
    rows,
    origin: 'import',
    sourceHash: options.sourceHash ?? null,
  };
}
