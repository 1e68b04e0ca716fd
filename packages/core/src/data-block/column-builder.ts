import type { Value } from '../model/block-version.js';
import { Column } from './column-table.js';
import { DistinctHashes } from './distinct-hashes.js';
import {
  encodeCells,
  keepsCells,
  narrowCodes,
  type EncodedColumn,
} from './encoded-column.js';
import { PlainCells } from './plain-cells.js';
import { TextCells } from './text-cells.js';

/**
 * Distinct values a column holds in its dictionary before it may give the
 * dictionary up: below this a dictionary costs little, whatever the end.
 */
const PLAIN_AFTER = 4096;

/**
 * One column of a {@link ColumnTableBuilder}, kept compact as it grows: a
 * dictionary (each distinct value once, a 4-byte code per row) until more
 * than half of its rows so far are distinct, then the cells as bytes
 * ({@link PlainCells}) and a count of their distinct hashes. The end of the
 * column decides what a block file holds, as {@link encodeCells} would: a
 * dictionary that turns out mostly distinct is written as cells, and cells
 * that turn out to repeat (a column that looked distinct early) are
 * encoded again from their values.
 */
export class ColumnBuilder {
  #rowCount = 0;
  #dictionary: Map<Value, number> | undefined = new Map();
  #values: Value[] = [];
  #codes = new Uint32Array(1024);
  #plain: PlainCells | undefined;
  #distinct: DistinctHashes | undefined;
  #built = false;

  get rowCount(): number {
    return this.#rowCount;
  }

  /** Appends cells in row order; an absent cell is null. */
  add(cells: readonly Value[]): void {
    if (this.#built) throw new Error('the column was built already');
    const dictionary = this.#dictionary;
    if (dictionary === undefined) {
      const distinct = this.#distinct as DistinctHashes;
      for (const cell of cells) distinct.add(cell ?? null);
      (this.#plain as PlainCells).add(cells);
      this.#rowCount += cells.length;
      return;
    }
    const start = this.#rowCount;
    let codes = this.#codes;
    if (start + cells.length > codes.length) {
      let size = codes.length * 2;
      while (size < start + cells.length) size *= 2;
      codes = new Uint32Array(size);
      codes.set(this.#codes.subarray(0, start));
      this.#codes = codes;
    }
    const values = this.#values;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? null;
      let code = dictionary.get(cell);
      if (code === undefined) {
        code = values.length;
        dictionary.set(cell, code);
        values.push(cell);
      }
      codes[start + i] = code;
    }
    this.#rowCount += cells.length;
    if (values.length > PLAIN_AFTER && values.length * 2 > this.#rowCount) this.#toPlain();
  }

  /**
   * The column as a block file holds it, and as a table column over the
   * same memory. The builder is spent: its dictionary is let go.
   */
  build(): Column {
    if (this.#built) throw new Error('the column was built already');
    const encoded = this.#encoded();
    this.#built = true;
    this.#dictionary = undefined;
    this.#values = [];
    this.#codes = new Uint32Array(0);
    this.#plain = undefined;
    this.#distinct = undefined;
    return columnOf(encoded, this.#rowCount);
  }

  #encoded(): EncodedColumn {
    const rowCount = this.#rowCount;
    if (this.#dictionary !== undefined) {
      const values = this.#values;
      // Four-byte codes are kept as they are: copied out, so the slack of the last doubling goes.
      const codes =
        values.length > 0x10000
          ? this.#codes.slice(0, rowCount)
          : this.#codes.subarray(0, rowCount);
      if (!keepsCells(rowCount, values.length))
        return { kind: 'dictionary', values, codes: narrowCodes(codes, values.length) };
      const plain = new PlainCells();
      for (let start = 0; start < rowCount; start += PLAIN_AFTER) {
        const end = Math.min(rowCount, start + PLAIN_AFTER);
        plain.add(Array.from(codes.subarray(start, end), (code) => values[code] as Value));
      }
      return plain.encoded();
    }
    const plain = this.#plain as PlainCells;
    if (keepsCells(rowCount, (this.#distinct as DistinctHashes).count)) return plain.encoded();
    // Repeats after all (or too few distinct hashes to tell): the values decide, as a file's rows would.
    const cells = plain.toValues();
    const encoded = encodeCells(rowCount, (row) => cells[row] as Value);
    return encoded.kind === 'values' ? plain.encoded() : encoded;
  }

  /** Gives up the dictionary: the cells so far become bytes, and the distinct values hashes. */
  #toPlain(): void {
    const values = this.#values;
    const codes = this.#codes;
    const plain = new PlainCells();
    for (let start = 0; start < this.#rowCount; start += PLAIN_AFTER) {
      const end = Math.min(this.#rowCount, start + PLAIN_AFTER);
      plain.add(Array.from(codes.subarray(start, end), (code) => values[code] as Value));
    }
    const distinct = new DistinctHashes();
    for (const value of values) distinct.add(value);
    this.#plain = plain;
    this.#distinct = distinct;
    this.#dictionary = undefined;
    this.#values = [];
    this.#codes = new Uint32Array(0);
  }
}

/** A table column over an encoded column's memory: text stays bytes, JSON is parsed when first used. */
function columnOf(encoded: EncodedColumn, rowCount: number): Column {
  switch (encoded.kind) {
    case 'dictionary':
      return new Column({ values: encoded.values, codes: encoded.codes }, encoded);
    case 'values':
      return new Column({ values: encoded.values, codes: null }, encoded);
    case 'text':
      return new Column(new TextCells(encoded.bytes, rowCount), encoded);
    case 'json':
      return new Column(
        () => ({ values: JSON.parse(encoded.bytes.toString('utf8')) as Value[], codes: null }),
        encoded,
      );
  }
}
