import { LruCache } from '../lru-cache.js';
import type { RowValues, Value } from '../model/block-version.js';
import type { EncodedColumn } from './encoded-column.js';
import { wordsFor, type RowBits } from './row-bits.js';
import { TextCells } from './text-cells.js';

/** Row sets kept per column: the conditions of a bundle's finds, reused by the next job. */
const KEPT_ROW_SETS = 32;
/**
 * Up to this many distinct values a column keeps a row set per value (a
 * bit per row and value: 16 values cost two bytes a row).
 */
const VALUE_SETS = 16;

/** Codes of a dictionary-encoded column, one per row, as narrow as its dictionary allows. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A column's cells: a dictionary and a code per row, or (codes null) one value per row. */
export interface ColumnData {
  values: Value[];
  codes: Codes | null;
}

/**
 * One column of a {@link ColumnTable}. Its data is decoded the first time it
 * is used, so a find over two columns of a wide block decodes two. A column
 * of mostly distinct strings may stay as the bytes it was read from
 * ({@link TextCells}): no string is kept per row.
 */
export class Column {
  #decode: (() => ColumnData | TextCells) | undefined;
  #data: ColumnData | undefined;
  #text: TextCells | undefined;
  #rowSets: LruCache<RowBits> | undefined;
  /** The rows of each dictionary entry, for a column of few distinct values. */
  #valueSets: RowBits[] | undefined;
  /**
   * The column as a block file holds it, when it was built so: a file is
   * then written from it as it is. Its data share this one's memory.
   */
  readonly encoded: EncodedColumn | undefined;

  constructor(
    data: ColumnData | TextCells | (() => ColumnData | TextCells),
    encoded?: EncodedColumn,
  ) {
    this.encoded = encoded;
    if (typeof data === 'function') this.#decode = data;
    else if (data instanceof TextCells) this.#text = data;
    else this.#data = data;
  }

  /**
   * The column as a dictionary and codes, or a value per row. A column kept
   * as bytes is split into a string per row here, once: callers on the
   * engine's paths use the methods below, which do not.
   */
  get data(): ColumnData {
    const text = this.#cells();
    if (this.#data === undefined)
      this.#data = { values: (text as TextCells).toArray(), codes: null };
    return this.#data;
  }

  valueAt(row: number): Value {
    const text = this.#cells();
    if (text !== undefined && this.#data === undefined) return text.at(row);
    const { values, codes } = this.data;
    return values[codes === null ? row : (codes[row] as number)] as Value;
  }

  /**
   * Calls `visit` with each row whose cell, as a string, is one of `keys`
   * (the rows that claims name), in row order, without a lookup per row in
   * a column kept as bytes, and one per distinct value in a dictionary.
   */
  forEachKeyRow(keys: ReadonlySet<string>, visit: (row: number, key: string) => void): void {
    if (keys.size === 0) return;
    const text = this.#cells();
    if (text !== undefined && this.#data === undefined) {
      text.forEachKeyRow(keys, visit);
      return;
    }
    const { values, codes } = this.data;
    if (codes === null) {
      for (let row = 0; row < values.length; row++) {
        const key = String(values[row]);
        if (keys.has(key)) visit(row, key);
      }
      return;
    }
    const named = values.map((value) => {
      const key = String(value);
      return keys.has(key) ? key : undefined;
    });
    for (let row = 0; row < codes.length; row++) {
      const key = named[codes[row] as number];
      if (key !== undefined) visit(row, key);
    }
  }

  /**
   * This column's bytes followed by `added`, when the column is kept as
   * bytes and every added cell is a string that can join them: a made
   * version's key column stays bytes too.
   */
  appendedText(added: readonly Value[]): TextCells | undefined {
    const text = this.#cells();
    if (text === undefined || this.#data !== undefined) return undefined;
    return text.append(added);
  }

  /** The column's bytes when it is kept so; decodes the column on first use. */
  #cells(): TextCells | undefined {
    if (this.#decode !== undefined) {
      const decoded = this.#decode();
      this.#decode = undefined;
      if (decoded instanceof TextCells) this.#text = decoded;
      else this.#data = decoded;
    }
    return this.#text;
  }

  /**
   * A test of a row index equivalent to `test` on this column's cell. On a
   * dictionary-encoded column the cell test runs once per dictionary entry,
   * not once per row: a find on a column of ten statuses costs ten calls and
   * a byte lookup per row.
   */
  rowTest(test: (cell: Value) => boolean): (row: number) => boolean {
    const text = this.#cells();
    if (text !== undefined && this.#data === undefined) return (row) => test(text.at(row));
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
    const text = this.#cells();
    let bits: RowBits;
    if (text !== undefined && this.#data === undefined) bits = text.rowBits(test);
    else if (this.data.codes !== null && this.data.values.length <= VALUE_SETS) {
      this.#valueSets ??= valueSetsOf(this.data.values.length, this.data.codes);
      bits = unionOf(this.#valueSets, this.data, test);
    } else bits = valueRowBits(this.data, test);
    if (key !== undefined) {
      this.#rowSets ??= new LruCache(KEPT_ROW_SETS);
      this.#rowSets.set(key, bits);
    }
    return bits;
  }
}

/**
 * The rows of each dictionary entry, made in one pass over the codes: the
 * conditions on a column of a few values (a status, a country) are then
 * unions of these sets, a word of 32 rows at a time, instead of a pass over
 * every row's code each.
 */
function valueSetsOf(entries: number, codes: Codes): RowBits[] {
  const words = wordsFor(codes.length);
  const sets = Array.from({ length: entries }, () => new Uint32Array(words));
  for (let row = 0; row < codes.length; row++) {
    const set = sets[codes[row] as number] as RowBits;
    set[row >>> 5] = (set[row >>> 5] as number) | (1 << (row & 31));
  }
  return sets;
}

/** The rows of the entries that pass `test`: an entry's own set when it is the only one. */
function unionOf(
  sets: readonly RowBits[],
  { values, codes }: ColumnData,
  test: (cell: Value) => boolean,
): RowBits {
  const passing = sets.filter((_, i) => test(values[i] as Value));
  if (passing.length === 1) return passing[0] as RowBits;
  const bits = new Uint32Array(wordsFor(codes?.length ?? 0));
  for (const set of passing)
    for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) | (set[w] as number);
  return bits;
}

/** The rows whose cell passes `test`; on a dictionary, the test runs once per entry. */
function valueRowBits({ values, codes }: ColumnData, test: (cell: Value) => boolean): RowBits {
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
  return bits;
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
      const added = rows.map((row) => row[index] ?? null);
      const text = column.appendedText(added);
      if (text !== undefined) return new Column(text);
      const { values, codes } = column.data;
      if (codes === null) return new Column({ values: [...values, ...added], codes: null });
      const next = new Uint32Array(count);
      next.set(codes);
      for (let i = 0; i < added.length; i++) next[this.rowCount + i] = values.length + i;
      return new Column({ values: [...values, ...added], codes: next });
    });
    return new ColumnTable(this.columns, count, data);
  }
}
