import { LruCache } from '../lru-cache.js';
import type { RowValues, Value } from '../model/block-version.js';
import { wordsFor, type RowBits } from './row-bits.js';

/** Row sets kept per column: the conditions of a bundle's finds, reused by the next job. */
const KEPT_ROW_SETS = 32;

/** Codes of a dictionary-encoded column, one per row, as narrow as its dictionary allows. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A column's cells: a dictionary and a code per row, or (codes null) one value per row. */
export interface ColumnData {
  values: Value[];
  codes: Codes | null;
}

/**
 * One column of a {@link ColumnTable}. Its data is decoded the first time it
 * is used, so a find over two columns of a wide block decodes two.
 */
export class Column {
  #decode: (() => ColumnData) | undefined;
  #data: ColumnData | undefined;
  #rowSets: LruCache<RowBits> | undefined;

  constructor(data: ColumnData | (() => ColumnData)) {
    if (typeof data === 'function') this.#decode = data;
    else this.#data = data;
  }

  get data(): ColumnData {
    if (this.#data === undefined) {
      this.#data = (this.#decode as () => ColumnData)();
      this.#decode = undefined;
    }
    return this.#data;
  }

  valueAt(row: number): Value {
    const { values, codes } = this.data;
    return values[codes === null ? row : (codes[row] as number)] as Value;
  }

  /**
   * A test of a row index equivalent to `test` on this column's cell. On a
   * dictionary-encoded column the cell test runs once per dictionary entry,
   * not once per row: a find on a column of ten statuses costs ten calls and
   * a byte lookup per row.
   */
  rowTest(test: (cell: Value) => boolean): (row: number) => boolean {
    const { values, codes } = this.data;
    // Mostly distinct values (a key): tested as the scan reaches them, since a scan often stops early.
    if (codes === null) return (row) => test(values[row] as Value);
    const mask = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) mask[i] = test(values[i] as Value) ? 1 : 0;
    return (row) => mask[codes[row] as number] === 1;
  }

  /**
   * The rows whose cell passes `test`, as a bitset. On a dictionary-encoded
   * column the test runs once per dictionary entry. With a `key` naming the
   * condition the set is kept (the most recent few per column), so the next
   * job with the same condition reads no cell. The set is shared: never
   * change it.
   */
  rowBits(test: (cell: Value) => boolean, key?: string): RowBits {
    const kept = key === undefined ? undefined : this.#rowSets?.get(key);
    if (kept !== undefined) return kept;
    const { values, codes } = this.data;
    const rowCount = codes === null ? values.length : codes.length;
    const bits = new Uint32Array(wordsFor(rowCount));
    if (codes === null) {
      for (let row = 0; row < rowCount; row++)
        if (test(values[row] as Value))
          bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
    } else {
      const mask = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) mask[i] = test(values[i] as Value) ? 1 : 0;
      for (let w = 0; w < bits.length; w++) {
        const base = w << 5;
        const end = Math.min(32, rowCount - base);
        let word = 0;
        for (let b = 0; b < end; b++) word |= (mask[codes[base + b] as number] as number) << b;
        bits[w] = word;
      }
    }
    if (key !== undefined) {
      this.#rowSets ??= new LruCache(KEPT_ROW_SETS);
      this.#rowSets.set(key, bits);
    }
    return bits;
  }
}

/**
 * The rows of a block version held by column: what the engine scans. Rows
 * are identified by their index, which a version made by a job keeps for
 * its parent's rows (it only appends). A row is built as an array only when
 * asked for, for the rows a job hands out.
 */
export class ColumnTable {
  readonly columns: readonly string[];
  readonly rowCount: number;
  readonly #data: readonly Column[];
  readonly #rows: readonly RowValues[] | undefined;

  /** @param rows - the same rows as arrays, when the caller has them: handed back as they are */
  constructor(
    columns: readonly string[],
    rowCount: number,
    data: readonly Column[],
    rows?: readonly RowValues[],
  ) {
    this.columns = columns;
    this.rowCount = rowCount;
    this.#data = data;
    this.#rows = rows;
  }

  /**
   * A table over rows already in memory. Each column is copied out of the
   * rows the first time it is used; rows are handed back as they are.
   */
  static fromRows(columns: readonly string[], rows: readonly RowValues[]): ColumnTable {
    const data = columns.map(
      (_, index) =>
        new Column(() => ({ values: rows.map((row) => row[index] ?? null), codes: null })),
    );
    return new ColumnTable(columns, rows.length, data, rows);
  }

  column(index: number): Column {
    const column = this.#data[index];
    if (column === undefined) throw new RangeError(`no column ${index}`);
    return column;
  }

  /** The row at `index`, in column order. */
  row(index: number): RowValues {
    const kept = this.#rows?.[index];
    if (kept !== undefined) return kept;
    return this.#data.map((column) => column.valueAt(index));
  }

  /** Every row, built on each call: for callers that need arrays (downloads, exports). */
  toRows(): RowValues[] {
    if (this.#rows !== undefined) return [...this.#rows];
    const rows = new Array<RowValues>(this.rowCount);
    for (let i = 0; i < this.rowCount; i++) rows[i] = this.row(i);
    return rows;
  }

  /**
   * This table followed by `rows`, as a made version appends to its parent:
   * the parent's rows keep their indexes. Appended cells join the
   * dictionary as new entries (a repeat is harmless to a find).
   */
  append(rows: readonly RowValues[]): ColumnTable {
    if (rows.length === 0) return this;
    const count = this.rowCount + rows.length;
    const data = this.#data.map((column, index) => {
      const { values, codes } = column.data;
      const added = rows.map((row) => row[index] ?? null);
      if (codes === null) return new Column({ values: [...values, ...added], codes: null });
      const next = new Uint32Array(count);
      next.set(codes);
      for (let i = 0; i < added.length; i++) next[this.rowCount + i] = values.length + i;
      return new Column({ values: [...values, ...added], codes: next });
    });
    return new ColumnTable(this.columns, count, data);
  }
}
