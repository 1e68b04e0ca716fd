import { isAscii } from 'node:buffer';
import { wordsFor, type RowBits } from './row-bits.js';

/** FNV-1a offset basis and prime: a hash of a cell's bytes read in place. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The cells of a column of mostly distinct strings (a key), left as the
 * block file holds them: UTF-8 bytes with a NUL between cells. Splitting
 * them into strings would keep one object per row (about 40 bytes each,
 * and seconds to make for millions of rows); here a cell is a slice of the
 * bytes, made only while it is tested or read, and a row is found by key
 * by hashing the bytes in place.
 */
export class TextCells {
  readonly #bytes: Buffer;
  readonly #count: number;
  /** Byte offset of each cell's first byte, then one past the last cell's NUL. */
  readonly #starts: Uint32Array;
  /** The rows by a hash of their cell, made on the second search by key. */
  #index: KeyIndex | undefined;
  #searches = 0;
  /**
   * The bytes as one string once a scan has read them so (null: not ASCII),
   * where a cell is a plain slice.
   */
  #text: string | null | undefined;

  /**
   * @param bytes - the cells joined by NUL, none of them holding one
   * @param count - how many cells the bytes hold
   * @throws RangeError when the bytes hold another number of cells
   */
  constructor(bytes: Buffer, count: number) {
    this.#bytes = bytes;
    this.#count = count;
    this.#starts = startsOf(bytes, count);
  }

  /** How many cells the bytes hold. */
  get count(): number {
    return this.#count;
  }

  /** The cell of `row`. */
  at(row: number): string {
    const starts = this.#starts;
    const start = starts[row] as number;
    const end = (starts[row + 1] as number) - 1;
    const text = this.#text;
    return typeof text === 'string'
      ? text.slice(start, end)
      : this.#bytes.toString('utf8', start, end);
  }

  /**
   * The rows whose cell passes `test`, as a bitset. ASCII bytes are read as
   * one string first, of which each cell is a slice: faster than decoding
   * millions of cells one by one.
   */
  rowBits(test: (cell: string) => boolean): RowBits {
    this.#text ??= isAscii(this.#bytes) ? this.#bytes.toString('latin1') : null;
    const bits = new Uint32Array(wordsFor(this.#count));
    for (let row = 0; row < this.#count; row++)
      if (test(this.at(row))) bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
    return bits;
  }

  /**
   * These cells followed by `added`, as bytes again; undefined when a cell
   * added is not a string, or holds a NUL, which the bytes cannot keep.
   */
  append(added: readonly unknown[]): TextCells | undefined {
    if (!added.every((cell) => typeof cell === 'string' && !cell.includes('\u0000'))) return;
    if (added.length === 0) return this;
    if (this.#count === 0) return;
    const tail = Buffer.from(`\u0000${added.join('\u0000')}`, 'utf8');
    return new TextCells(Buffer.concat([this.#bytes, tail]), this.#count + added.length);
  }

  /** Every cell as a string: for callers that need an array (exports). */
  toArray(): string[] {
    if (this.#count === 0) return [];
    return this.#bytes.toString('utf8').split('\u0000');
  }

  /**
   * Calls `visit` with each row whose cell is one of `keys`, in row order.
   * The first search hashes every cell's bytes in place and checks the hash
   * against a small filter of the keys: one pass in file order, what a new
   * process's only job needs. A second search indexes the cells by that
   * hash (a chain of rows per hash, 12 bytes or less a row), so the claims
   * of each later job over the same table cost the keys they name, not a
   * pass over millions of rows.
   */
  forEachKeyRow(keys: ReadonlySet<string>, visit: (row: number, key: string) => void): void {
    if (keys.size === 0 || this.#count === 0) return;
    if (this.#index === undefined && this.#searches++ === 0) {
      this.#scanForKeys(keys, visit);
      return;
    }
    const { heads, next, mask } = (this.#index ??= indexOf(this.#bytes, this.#starts));
    const found: Array<{ row: number; key: string }> = [];
    for (const key of keys) {
      const hash = hashOf(Buffer.from(key, 'utf8')) & mask;
      for (let row = heads[hash] as number; row >= 0; row = next[row] as number)
        if (this.at(row) === key) found.push({ row, key });
    }
    found.sort((a, b) => a.row - b.row);
    for (const { row, key } of found) visit(row, key);
  }

  /** {@link forEachKeyRow} as one pass over the cells, against a filter of the keys' hashes. */
  #scanForKeys(keys: ReadonlySet<string>, visit: (row: number, key: string) => void): void {
    // About 64 filter slots a key: a row passes by chance about once in 64.
    let size = 1024;
    while (size < keys.size * 64) size *= 2;
    const mask = size - 1;
    const filter = new Uint8Array(size);
    for (const key of keys) filter[hashOf(Buffer.from(key, 'utf8')) & mask] = 1;
    const starts = this.#starts;
    const bytes = this.#bytes;
    for (let row = 0; row < this.#count; row++) {
      if (
        filter[hashOf(bytes, starts[row] as number, (starts[row + 1] as number) - 1) & mask] === 0
      )
        continue;
      const cell = this.at(row);
      if (keys.has(cell)) visit(row, cell);
    }
  }
}

/** Where each cell starts (a search for each NUL), then one past the last cell's end. */
function startsOf(bytes: Buffer, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  let at = 0;
  for (let row = 1; row < count; row++) {
    const nul = bytes.indexOf(0, at);
    if (nul < 0) throw new RangeError(`the bytes hold ${row} cells, not ${count}`);
    starts[row] = nul + 1;
    at = nul + 1;
  }
  if (count > 0 && bytes.indexOf(0, at) >= 0)
    throw new RangeError(`the bytes hold more than ${count} cells`);
  starts[count] = bytes.length + 1;
  return starts;
}

/** Rows by the hash of their cell: `heads[hash & mask]` is a row, `next[row]` the next row of its hash, -1 ends. */
interface KeyIndex {
  heads: Int32Array;
  next: Int32Array;
  mask: number;
}

/** Indexes every cell by the FNV-1a hash of its bytes, hashed in place. */
function indexOf(bytes: Buffer, starts: Uint32Array): KeyIndex {
  const count = starts.length - 1;
  let size = 1;
  while (size < count) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const slot = hashOf(bytes, starts[row] as number, (starts[row + 1] as number) - 1) & mask;
    next[row] = heads[slot] as number;
    heads[slot] = row;
  }
  return { heads, next, mask };
}

/** FNV-1a of `bytes[start, end)`, unsigned. */
function hashOf(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = FNV_BASIS;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ (bytes[at] as number), FNV_PRIME);
  return hash >>> 0;
}
