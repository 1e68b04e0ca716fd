import { ColumnTableBuilder } from '../data-block/column-table-builder.js';
import type { NewBlockVersion, Value } from '../model/block-version.js';
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
  /** The rows the version will have, when known ahead: its columns are sized for them. */
  expectedRows?: number;
  /** Identifies the generation (schema, constraints, seed), so the same dataset is not stored twice. */
  sourceHash?: string | null;
}

/**
 * Builds a data block version batch by batch, as records are generated:
 * each batch's cells go into the version's columns at once (a
 * {@link ColumnTableBuilder}: dictionaries and codes, or the bytes of
 * mostly distinct cells), so neither the records nor an array per row
 * outlive their batch. A dataset written to files and to a block is
 * generated once, and a million rows stay a few hundred bytes each or less.
 */
export class BlockVersionBuilder {
  readonly #target: BlockVersionTarget;
  readonly #columns: RecordColumn[];
  readonly #table: ColumnTableBuilder;

  constructor(target: BlockVersionTarget) {
    this.#target = target;
    this.#columns = recordColumns(target.schema);
    this.#table = new ColumnTableBuilder(
      this.#columns.map((c) => c.name),
      target.expectedRows ?? 0,
    );
  }

  /** Adds records as rows, in order. */
  add(records: readonly SynthRecord[]): void {
    if (records.length === 0) return;
    this.#table.addColumns(
      this.#columns.map((column) => {
        const cells = new Array<Value>(records.length);
        for (let i = 0; i < records.length; i++) cells[i] = column.cell(records[i]!);
        return cells;
      }),
    );
  }

  /** The version of every row added, its rows by column. Once: the builder is spent. */
  build(): NewBlockVersion {
    return {
      block: this.#target.block,
      columns: this.#columns.map((c) => c.name),
      keyColumn: this.#target.keyColumn ?? null,
      table: this.#table.build(),
      origin: 'import',
      sourceHash: this.#target.sourceHash ?? null,
    };
  }
}
