import type { NewBlockVersion, RowValues } from '../model/block-version.js';
import type { SchemaTree } from './field-tree.js';
import { recordColumns, type RecordColumn } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';

/** What a {@link BlockVersionBuilder} builds: the version's block, and how its rows are read. */
export interface BlockVersionTarget {
  /** The data block the rows become a version of. */
  block: string;
  schema: SchemaTree;
  /** The column that identifies a row (a unique field's path), when there is one. */
  keyColumn?: string | null;
  /** Identifies the generation (schema, constraints, seed), so the same dataset is not stored twice. */
  sourceHash?: string | null;
}

/**
 * Builds a data block version batch by batch, as records are generated:
 * each batch becomes rows of cells at once, so the records themselves need
 * not outlive their batch (a dataset written to files and to a block is
 * generated once). The rows are held until {@link build}, as a block
 * version's are.
 */
export class BlockVersionBuilder {
  readonly #target: BlockVersionTarget;
  readonly #columns: RecordColumn[];
  readonly #rows: RowValues[] = [];

  constructor(target: BlockVersionTarget) {
    this.#target = target;
    this.#columns = recordColumns(target.schema);
  }

  /** Adds records as rows, in order. */
  add(records: readonly SynthRecord[]): void {
    const columns = this.#columns;
    for (const record of records) {
      const row: RowValues = new Array(columns.length);
      for (let i = 0; i < columns.length; i++) row[i] = columns[i]!.cell(record);
      this.#rows.push(row);
    }
  }

  /** The version of every row added so far. */
  build(): NewBlockVersion {
    return {
      block: this.#target.block,
      columns: this.#columns.map((c) => c.name),
      keyColumn: this.#target.keyColumn ?? null,
      rows: this.#rows,
      origin: 'import',
      sourceHash: this.#target.sourceHash ?? null,
    };
  }
}
