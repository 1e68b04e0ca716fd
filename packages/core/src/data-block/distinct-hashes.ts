import type { Value } from '../model/block-version.js';

/** FNV-1a offset basis and prime. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Counts the distinct hashes of the cells it is given: a lower bound of the
 * number of distinct cells (equal cells hash alike, as a `Map` compares
 * them: `0` and `-0` are one, every `NaN` is one), kept as a table of
 * 32-bit hashes (8 bytes or less a distinct cell) rather than the cells
 * themselves. What a column of mostly distinct values keeps to know, at
 * its end, that it stayed mostly distinct.
 */
export class DistinctHashes {
  #slots: Uint32Array = new Uint32Array(1024);
  #count = 0;

  /** How many distinct hashes were seen: at most the number of distinct cells. */
  get count(): number {
    return this.#count;
  }

  add(cell: Value): void {
    // 0 marks an empty slot: a cell hashing to 0 shares 1's slot, which only lowers the count.
    const hash = hashOf(cell) || 1;
    const slots = this.#slots;
    const mask = slots.length - 1;
    let at = hash & mask;
    for (let slot = slots[at] as number; slot !== 0; slot = slots[at] as number) {
      if (slot === hash) return;
      at = (at + 1) & mask;
    }
    slots[at] = hash;
    if (++this.#count * 2 > slots.length) this.#grow();
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Uint32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const hash of old) {
      if (hash === 0) continue;
      let at = hash & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = hash;
    }
    this.#slots = slots;
  }
}

const number = new Float64Array(1);
const numberWords = new Uint32Array(number.buffer);

/** A 32-bit hash of a cell; cells a `Map` holds as one key hash alike. */
function hashOf(cell: Value): number {
  if (typeof cell === 'string') {
    let hash = FNV_BASIS;
    for (let i = 0; i < cell.length; i++) hash = Math.imul(hash ^ cell.charCodeAt(i), FNV_PRIME);
    return hash >>> 0;
  }
  if (typeof cell === 'number') {
    // -0 is 0 to a Map, and every NaN the same NaN.
    number[0] = cell === 0 ? 0 : Number.isNaN(cell) ? Number.NaN : cell;
    const hash = Math.imul((numberWords[0] as number) ^ FNV_BASIS, FNV_PRIME) ^ (numberWords[1] as number);
    return Math.imul(hash, FNV_PRIME) >>> 0;
  }
  if (cell === null) return 0x6e756c6c;
  return cell ? 0x74727565 : 0x66616c73;
}
