import type { ScalarValue } from './field-tree.js';

const FIRST_BYTES = 64 * 1024;
const FIRST_KEYS = 1024;

/**
 * The values of a referenced field, one per row of its entity, in row
 * order, for references to pick from. Keys are mostly strings: while every
 * value is a well-formed string they are kept as UTF-8 bytes end to end
 * with an offset each (about the text's own size, where an array of
 * strings costs some 40 bytes more per key and the collector's time on
 * both threads of a generation); from the first other value, as an array.
 * A key read back is the very string pushed.
 */
export class KeyList {
  #bytes = Buffer.allocUnsafe(FIRST_BYTES);
  #used = 0;
  /** Where each key ends in {@link #bytes}. */
  #ends = new Uint32Array(FIRST_KEYS);
  #count = 0;
  /** Every key so far is ASCII: read back as Latin-1, the cheapest decode. */
  #ascii = true;
  /** The keys as values, once one is not a well-formed string. */
  #values: ScalarValue[] | null = null;

  get length(): number {
    return this.#values === null ? this.#count : this.#values.length;
  }

  push(value: ScalarValue): void {
    if (this.#values !== null) {
      this.#values.push(value);
      return;
    }
    if (typeof value !== 'string' || !(value as unknown as WellFormed).isWellFormed()) {
      this.#values = Array.from({ length: this.#count }, (_, i) => this.at(i));
      this.#values.push(value);
      this.#bytes = Buffer.alloc(0);
      this.#ends = new Uint32Array(0);
      return;
    }
    const size = Buffer.byteLength(value, 'utf8');
    if (size !== value.length) this.#ascii = false;
    if (this.#used + size > this.#bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.#used + size, this.#bytes.length * 2));
      this.#bytes.copy(next, 0, 0, this.#used);
      this.#bytes = next;
    }
    if (this.#count === this.#ends.length) {
      const next = new Uint32Array(this.#ends.length * 2);
      next.set(this.#ends);
      this.#ends = next;
    }
    this.#used += this.#bytes.write(value, this.#used, 'utf8');
    this.#ends[this.#count++] = this.#used;
  }

  /** The key at `index` (0 ≤ index < length). */
  at(index: number): ScalarValue {
    if (this.#values !== null) return this.#values[index] as ScalarValue;
    const start = index === 0 ? 0 : (this.#ends[index - 1] as number);
    return this.#bytes.toString(this.#ascii ? 'latin1' : 'utf8', start, this.#ends[index]);
  }
}

/** `String.prototype.isWellFormed` (ES2024; in Node 20), which the ES2023 library does not declare. */
interface WellFormed {
  isWellFormed(): boolean;
}
