import type { RowValues, Value } from '../model/block-version.js';
import { ColumnBuilder } from './column-builder.js';
import { ColumnTable } from './column-table.js';
import { DictionaryScratch } from './text-dictionary.js';

/** Rows taken into the columns at a time by {@link ColumnTableBuilder.addRows}. */
const SLICE_ROWS = 4096;

/**
 * Builds a {@link ColumnTable} batch by batch, column by column, with no
 * array per row: each column keeps a dictionary and a code per row, or,
 * once it is clearly mostly distinct, its cells as bytes (see
 * {@link ColumnBuilder}). The table it builds is the one a block file of
 * the same rows holds (`encodeBlockFile(columns, rows)` writes the same
 * bytes from either), and a block file is written from it without a pass
 * over its cells.
 */
export class ColumnTableBuilder {
  readonly columns: readonly string[];
  readonly #builders: ColumnBuilder[];
  #rowCount = 0;

  /**
   * @param expectedRows - the rows the table will have, when known: a column
   *   kept as bytes is then sized once rather than grown (a hint; any number
   *   of rows may still be added)
   */
  constructor(columns: readonly string[], expectedRows = 0) {
    this.columns = columns;
    this.#builders = columns.map(() => new ColumnBuilder(expectedRows));
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.#rowCount;
  }

  /**
   * Appends a batch given by column: `cells[c]` holds column `c`'s cells
   * of the batch's rows, in order (an absent cell is null).
   *
   * @throws RangeError when there is not one array per column, or they differ in length
   */
  addColumns(cells: readonly (readonly Value[])[]): void {
    if (cells.length !== this.#builders.length)
      throw new RangeError(`${cells.length} columns given, not ${this.#builders.length}`);
    const count = cells[0]?.length ?? 0;
    if (cells.some((column) => column.length !== count))
      throw new RangeError('the columns of a batch differ in length');
    cells.forEach((column, index) => (this.#builders[index] as ColumnBuilder).add(column));
    this.#rowCount += count;
  }

  /** Appends rows in column order (a missing cell is null). */
  addRows(rows: readonly RowValues[]): void {
    for (let start = 0; start < rows.length; start += SLICE_ROWS) {
      const slice = rows.slice(start, start + SLICE_ROWS);
      this.addColumns(this.columns.map((_, index) => slice.map((row) => row[index] ?? null)));
    }
  }

  /**
   * The table of every row added. Once: the builders let their dictionaries
   * go, so only the table's own memory stays.
   */
  build(): ColumnTable {
    // The columns' dictionary checks share their work arrays.
    const scratch = new DictionaryScratch();
    const data = this.#builders.map((builder) => builder.build(scratch));
    return new ColumnTable(this.columns, this.#rowCount, data);
  }
}
