/**
 * A set of row indexes of one table as a bitset: bit `row & 31` of word
 * `row >>> 5`. Finds are combined a word (32 rows) at a time, so a find of
 * five conditions over a million rows costs five passes of 31,250 words
 * rather than five calls per row. Bits past the table's last row are 0.
 */
export type RowBits = Uint32Array;

/** Words a bitset of `rowCount` rows takes. */
export function wordsFor(rowCount: number): number {
  return (rowCount + 31) >>> 5;
}

/** Every row of a table of `rowCount` rows. */
export function allRows(rowCount: number): RowBits {
  const bits = new Uint32Array(wordsFor(rowCount)).fill(0xffffffff);
  clearTail(bits, rowCount);
  return bits;
}

/** True when `row` is in the set. */
export function hasRow(bits: RowBits, row: number): boolean {
  return (((bits[row >>> 5] as number) >>> (row & 31)) & 1) === 1;
}

/** The rows in every one of `parts` (every row when there are none); never one of the parts itself when it must change. */
export function allOfRows(parts: readonly RowBits[], rowCount: number): RowBits {
  const [first] = parts;
  if (first === undefined) return allRows(rowCount);
  if (parts.length === 1) return first;
  const bits = first.slice();
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p] as RowBits;
    for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) & (part[w] as number);
  }
  return bits;
}

/** The rows in any of `parts` (none when there are none). */
export function anyOfRows(parts: readonly RowBits[], rowCount: number): RowBits {
  const [first] = parts;
  if (first === undefined) return new Uint32Array(wordsFor(rowCount));
  if (parts.length === 1) return first;
  const bits = first.slice();
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p] as RowBits;
    for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) | (part[w] as number);
  }
  return bits;
}

/** The rows not in `part`. */
export function notRows(part: RowBits, rowCount: number): RowBits {
  const bits = new Uint32Array(part.length);
  for (let w = 0; w < bits.length; w++) bits[w] = ~(part[w] as number);
  clearTail(bits, rowCount);
  return bits;
}

/** The number of rows in the set. */
export function countRows(bits: RowBits): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    // Population count without a table: pairs, nibbles, then the bytes summed by a multiply.
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}

/** Which rows {@link firstRows} takes, and how it numbers them. */
export interface FirstRowsOptions {
  /** Rows to take at most (at least one is taken when the set has one, as a scan checks after taking). */
  limit: number;
  /** A state per row: only rows whose state is below `below` are taken; null takes every row. */
  states: Uint8Array | null;
  below: number;
  /** Added to each row index taken. */
  offset: number;
}

/**
 * The first rows of the set in ascending order, each plus `offset`, in a
 * typed array: a job's classes take tens of thousands of rows each, which
 * as arrays of numbers would grow and be collected class after class.
 */
export function firstRows(bits: RowBits, options: FirstRowsOptions): Int32Array {
  const { limit, states, below, offset } = options;
  const out = new Int32Array(Math.max(1, Math.min(limit, countRows(bits))));
  let taken = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      const row = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
      if (states !== null && (states[row] as number) >= below) continue;
      out[taken++] = row + offset;
      if (taken >= limit) return out.subarray(0, taken);
    }
  }
  return out.subarray(0, taken);
}

/**
 * Calls `visit` with each row of the set in ascending order until it
 * returns true.
 */
export function forEachRow(bits: RowBits, visit: (row: number) => boolean): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      if (visit((w << 5) + 31 - Math.clz32(low))) return;
      word ^= low;
    }
  }
}

/** Zeroes the bits of a last, partial word past `rowCount`. */
function clearTail(bits: RowBits, rowCount: number): void {
  const used = rowCount & 31;
  if (used !== 0 && bits.length > 0) {
    const last = bits.length - 1;
    bits[last] = (bits[last] as number) & ((1 << used) - 1);
  }
}
