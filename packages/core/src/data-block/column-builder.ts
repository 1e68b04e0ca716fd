import type { Value } from '../model/block-version.js';
import { Column, type Codes } from './column-table.js';
import { keepsCells, type EncodedColumn } from './encoded-column.js';
import { PlainCells } from './plain-cells.js';
import type { DictionaryScratch } from './text-dictionary.js';
import { TextCells } from './text-cells.js';

/**
 * Distinct values a column holds in its dictionary before it may give the
 * dictionary up: below this a dictionary costs little, whatever the end.
 */
const PLAIN_AFTER = 4096;

/**
 * One column of a {@link ColumnTableBuilder}, kept compact as it grows: a
 * dictionary (each distinct value once, a code per row, one to four bytes
 * as the dictionary needs) until more than half of its rows so far are
 * distinct, then the cells as bytes ({@link PlainCells}). The end of the
 * column decides what a block file holds, by the rule `encodeBlockFile`
 * applies to rows: a dictionary that turns out mostly distinct is written
 * as cells, and cells that turn out to repeat get their dictionary then,
 * from their bytes.
 */
export class ColumnBuilder {
  readonly #expectedRows: number;
  #rowCount = 0;
  #dictionary: Map<Value, number> | undefined = new Map();
  #values: Value[] = [];
  /** A code per row, one byte wide until the dictionary needs two, then four. */
  #codes: Codes = new Uint8Array(1024);
  #plain: PlainCells | undefined;
  #built = false;

  /** @param expectedRows - the rows the column will have, when known: cells as bytes get a buffer sized for them */
  constructor(expectedRows = 0) {
    this.#expectedRows = expectedRows;
  }

  get rowCount(): number {
    return this.#rowCount;
  }

  /** Appends cells in row order; an absent cell is null. */
  add(cells: readonly Value[]): void {
    if (this.#built) throw new Error('the column was built already');
    const dictionary = this.#dictionary;
    if (dictionary === undefined) {
      (this.#plain as PlainCells).add(cells);
      this.#rowCount += cells.length;
      return;
    }
    const start = this.#rowCount;
    if (start + cells.length > this.#codes.length) {
      let size = this.#codes.length * 2;
      while (size < start + cells.length) size *= 2;
      this.#codes = resized(this.#codes, size, this.#codes.BYTES_PER_ELEMENT);
    }
    let codes = this.#codes;
    const values = this.#values;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? null;
      let code = dictionary.get(cell);
      if (code === undefined) {
        code = values.length;
        dictionary.set(cell, code);
        values.push(cell);
        if (code === 0x100 || code === 0x10000) {
          codes = resized(codes, codes.length, code === 0x100 ? 2 : 4);
          this.#codes = codes;
        }
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
  build(scratch?: DictionaryScratch): Column {
    if (this.#built) throw new Error('the column was built already');
    const encoded = this.#encoded(scratch);
    this.#built = true;
    this.#dictionary = undefined;
    this.#values = [];
    this.#codes = new Uint8Array(0);
    this.#plain = undefined;
    return columnOf(encoded, this.#rowCount);
  }

  #encoded(scratch: DictionaryScratch | undefined): EncodedColumn {
    const rowCount = this.#rowCount;
    if (this.#dictionary !== undefined) {
      const values = this.#values;
      // The codes are as wide as the dictionary needs: copied out, so the slack of the last doubling goes.
      const codes = this.#codes.slice(0, rowCount);
      if (!keepsCells(rowCount, values.length)) return { kind: 'dictionary', values, codes };
      const plain = new PlainCells(rowCount);
      for (let start = 0; start < rowCount; start += PLAIN_AFTER) {
        const end = Math.min(rowCount, start + PLAIN_AFTER);
        plain.add(Array.from(codes.subarray(start, end), (code) => values[code] as Value));
      }
      return plain.encoded();
    }
    // The cells decide, as a file's rows would: a column that looked distinct early may repeat
    // (a reference to 200,000 accounts, over 700,000 rows). The check stops at half the rows.
    const plain = this.#plain as PlainCells;
    return plain.dictionary(scratch) ?? plain.encoded();
  }

  /** Gives up the dictionary: the cells so far become bytes, and the distinct values hashes. */
  #toPlain(): void {
    const values = this.#values;
    const codes = this.#codes;
    const plain = new PlainCells(this.#expectedRows);
    for (let start = 0; start < this.#rowCount; start += PLAIN_AFTER) {
      const end = Math.min(this.#rowCount, start + PLAIN_AFTER);
      plain.add(Array.from(codes.subarray(start, end), (code) => values[code] as Value));
    }
    this.#plain = plain;
    this.#dictionary = undefined;
    this.#values = [];
    this.#codes = new Uint8Array(0);
  }
}

/** `codes` copied into an array of `size` codes, `width` bytes each. */
function resized(codes: Codes, size: number, width: number): Codes {
  const next =
    width === 1
      ? new Uint8Array(size)
      : width === 2
        ? new Uint16Array(size)
        : new Uint32Array(size);
  next.set(codes.subarray(0, Math.min(codes.length, size)));
  return next;
}

/** A table column over an encoded column's memory: text stays bytes, JSON is parsed when first used. */
export function columnOf(encoded: EncodedColumn, rowCount: number): Column {
  switch (encoded.kind) {
    case 'dictionary':
      return new Column({ values: encoded.values, codes: encoded.codes }, encoded);
    case 'text-dictionary':
      // Its values are split from their bytes when the column is first used, as a file's are.
      return new Column(
        () => ({ values: encoded.bytes.toString('utf8').split('\u0000'), codes: encoded.codes }),
        encoded,
      );
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
