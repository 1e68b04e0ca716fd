import type { NewBlockVersion, RowValues } from '../model/block-version.js';
import type { SchemaTree } from './field-tree.js';
import { recordColumns } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';

/** Options of {@link toBlockVersion}. */
export interface ToBlockVersionOptions {
  /** The data block the rows become a version of. */
  block: string;
  schema: SchemaTree;
  /** Records, or batches of them, as `generateRecords` yields. */
  records: Iterable<SynthRecord | readonly SynthRecord[]>;
  /** The column that identifies a row (a unique field's path), when there is one. */
  keyColumn?: string | null;
  /** Identifies the generation (schema, constraints, seed), so the same dataset is not stored twice. */
  sourceHash?: string | null;
}

/**
 * Generated records as a new data block version: the columns of
 * `recordColumns` (nested fields as dot paths, arrays as JSON text) and one
 * row per record, so allocation pools can find and lease synthetic rows like
 * imported ones. The rows are held in memory, as a block version's are.
 */
export function toBlockVersion(options: ToBlockVersionOptions): NewBlockVersion {
  const columns = recordColumns(options.schema);
  const rows: RowValues[] = [];
  for (const item of options.records) {
    const batch = Array.isArray(item) ? (item as readonly SynthRecord[]) : [item as SynthRecord];
    for (const record of batch) rows.push(columns.map((c) => c.cell(record)));
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
