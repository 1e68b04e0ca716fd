import { hashSeed } from '../make/hash-seed.js';

const TWO_32 = 4294967296;

/**
 * A seeded pseudo-random source (sfc32, a small fast counter generator that
 * passes PractRand). Its algorithm is written here, not taken from a
 * library, because the same seed must give byte-identical datasets in every
 * release: a dependency's update must not be able to change the output.
 */
export class RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any strings (the dataset seed, an entity name, …), mixed by FNV-1a. */
  constructor(...seed: string[]) {
    this.a = hashSeed('a', ...seed);
    this.b = hashSeed('b', ...seed);
    this.c = hashSeed('c', ...seed);
    this.d = 1;
    // The first outputs of sfc32 still echo the seed: run past them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / TWO_32;
  }

  /** An integer in [low, high], both included; ranges past 2^32 draw twice. */
  int(low: number, high: number): number {
    const span = high - low + 1;
    if (span <= TWO_32) return low + Math.floor((this.next() / TWO_32) * span);
    const fraction = (this.next() * TWO_32 + this.next()) / (TWO_32 * TWO_32);
    return Math.min(high, low + Math.floor(fraction * span));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)]!;
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }
}
