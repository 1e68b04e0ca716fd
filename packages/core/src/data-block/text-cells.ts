import { isAscii } from 'node:buffer';

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
  /** The bytes as one string when they are all ASCII, where a cell is a plain slice. */
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
    const text = this.#asText();
    return text === null ? this.#bytes.toString('utf8', start, end) : text.slice(start, end);
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
   * A row's bytes are hashed in place and looked up in a small filter of
   * the keys' hashes; only a row that passes it is read as a string and
   * compared, so a few thousand keys among millions of rows cost one pass
   * over the bytes and no string per row.
   */
  forEachKeyRow(keys: ReadonlySet<string>, visit: (row: number, key: string) => void): void {
    if (keys.size === 0 || this.#count === 0) return;
    // About 64 filter slots a key: a row passes by chance about once in 64.
    let size = 1024;
    while (size < keys.size * 64) size *= 2;
    const mask = size - 1;
    const filter = new Uint8Array(size);
    for (const key of keys) filter[hashOf(Buffer.from(key, 'utf8'), 0, undefined) & mask] = 1;
    const starts = this.#starts;
    const bytes = this.#bytes;
    for (let row = 0; row < this.#count; row++) {
      const end = (starts[row + 1] as number) - 1;
      let hash = FNV_BASIS;
      for (let at = starts[row] as number; at < end; at++)
        hash = Math.imul(hash ^ (bytes[at] as number), FNV_PRIME);
      if (filter[(hash >>> 0) & mask] === 0) continue;
      const cell = this.at(row);
      if (keys.has(cell)) visit(row, cell);
    }
  }

  #asText(): string | null {
    this.#text ??= isAscii(this.#bytes) ? this.#bytes.toString('latin1') : null;
    return this.#text;
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

/** FNV-1a of `bytes[start, end)`, unsigned. */
function hashOf(bytes: Uint8Array, start: number, end: number | undefined): number {
  let hash = FNV_BASIS;
  const stop = end ?? bytes.length;
  for (let at = start; at < stop; at++) hash = Math.imul(hash ^ (bytes[at] as number), FNV_PRIME);
  return hash >>> 0;
}
