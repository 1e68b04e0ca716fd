import { hashSeed } from '../make/hash-seed.js';

/** A seeded source of random numbers: the same seed gives the same sequence on every platform. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
}

/**
 * sfc32, seeded from any number or string through FNV-1a: small, fast and
 * well distributed, and unlike `Math.random` reproducible from its seed.
 */
export function seededRandom(seed: number | string): SeededRandom {
  let a = hashSeed('a', String(seed));
  let b = hashSeed('b', String(seed));
  let c = hashSeed('c', String(seed));
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next, below: (n) => Math.floor(next() * n) };
}

/** Shuffles a list in place with the given source (Fisher–Yates) and returns it. */
export function shuffle<T>(list: T[], random: SeededRandom): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const held = list[i]!;
    list[i] = list[j]!;
    list[j] = held;
  }
  return list;
}
