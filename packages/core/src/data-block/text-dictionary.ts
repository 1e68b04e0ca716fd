import type { Codes } from './column-table.js';
import { keepsCells, narrowCodes } from './encoded-column.js';

/** FNV-1a offset basis and prime. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The dictionary of `count` cells held as UTF-8 joined by NUL, made from
 * the bytes in place: a cell is hashed and compared as bytes, and no cell
 * becomes a string. Well-formed strings are equal exactly when their UTF-8
 * bytes are, so this is the dictionary a `Map` of the strings would give,
 * in first-seen order; its values stay bytes too (joined by NUL, as a
 * block file holds them).
 *
 * With `separator` a comma, the cells are the body of a JSON array of
 * numbers, booleans and nulls: two such cells are the same value exactly
 * when their JSON is the same text (a number's JSON is its shortest
 * round-trip form), so the dictionary is the one a `Map` of the parsed
 * values would give, without parsing them.
 *
 * @returns the dictionary's bytes and the codes, or undefined when the
 *   cells are mostly distinct after all and stay as they are
 */
export function textDictionary(
  bytes: Buffer,
  count: number,
  separator = 0,
  scratch?: DictionaryScratch,
): { bytes: Buffer; entries: number; codes: Codes } | undefined {
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  // Per dictionary entry: where its bytes lie, and the next entry of its hash slot. There are
  // at most half the cells and one: past that the cells stay as they are.
  const most = Math.floor(count / 2) + 2;
  const { heads, starts, ends, next, codes } = (scratch ?? new DictionaryScratch()).arrays(
    size,
    most,
    count,
  );
  heads.fill(-1);
  let entries = 0;
  const length = bytes.length;
  let at = 0;
  for (let row = 0; row < count; row++) {
    // The cell's bytes run to the next separator, hashed on the way.
    let hash = FNV_BASIS;
    let end = at;
    for (let byte = 0; end < length && (byte = bytes[end] as number) !== separator; end++)
      hash = Math.imul(hash ^ byte, FNV_PRIME);
    const slot = mixed(hash) & mask;
    let code = heads[slot] as number;
    while (code >= 0 && !sameBytes(bytes, at, end, starts[code] as number, ends[code] as number))
      code = next[code] as number;
    if (code < 0) {
      code = entries++;
      // The rule a block file's dictionary follows, checked as it is in a scan of the rows.
      if (keepsCells(count, entries)) return undefined;
      starts[code] = at;
      ends[code] = end;
      next[code] = heads[slot] as number;
      heads[slot] = code;
    }
    codes[row] = code;
    at = end + 1;
  }
  let total = Math.max(0, entries - 1);
  for (let i = 0; i < entries; i++) total += (ends[i] as number) - (starts[i] as number);
  const values = Buffer.alloc(total, separator);
  for (let i = 0, to = 0; i < entries; i++) {
    if (i > 0) to++;
    to += bytes.copy(values, to, starts[i], ends[i]);
  }
  // Narrowed codes are a copy; four-byte ones are copied out of the scratch, which is reused.
  const kept =
    entries > 0x10000 ? codes.slice(0, count) : narrowCodes(codes.subarray(0, count), entries);
  return { bytes: values, entries, codes: kept };
}

/**
 * The work arrays of {@link textDictionary}, kept for the next column of a
 * build: a column of a million cells needs about 20 MB of them, which
 * would otherwise be garbage once per column until the collector runs.
 */
export class DictionaryScratch {
  #heads = new Int32Array(0);
  #starts = new Int32Array(0);
  #ends = new Int32Array(0);
  #next = new Int32Array(0);
  #codes = new Uint32Array(0);

  /** Arrays of at least the sizes asked (their contents are left as they were). */
  arrays(slots: number, entries: number, cells: number) {
    if (this.#heads.length < slots) this.#heads = new Int32Array(slots);
    if (this.#starts.length < entries) {
      this.#starts = new Int32Array(entries);
      this.#ends = new Int32Array(entries);
      this.#next = new Int32Array(entries);
    }
    if (this.#codes.length < cells) this.#codes = new Uint32Array(cells);
    return {
      heads: this.#heads.subarray(0, slots),
      starts: this.#starts,
      ends: this.#ends,
      next: this.#next,
      codes: this.#codes,
    };
  }
}

/**
 * Spreads every bit of a hash over its low bits (MurmurHash3's finaliser):
 * a table of 2^k slots reads only the low k bits.
 */
export function mixed(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function sameBytes(bytes: Buffer, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
