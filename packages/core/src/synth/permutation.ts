import type { RandomSource } from './random-source.js';

/**
 * A seeded bijection of [0, n): `(a·i + b) mod n` with `a` coprime to n, so
 * record i gets a distinct value with nothing remembered.
 */
export class Permutation {
  private readonly a: number;
  private readonly b: number;

  constructor(
    private readonly n: number,
    random: RandomSource,
  ) {
    let a = random.int(1, Math.max(1, n - 1));
    while (gcd(a, n) !== 1) a = (a % n) + 1;
    this.a = a;
    this.b = random.int(0, n - 1);
  }

  at(index: number): number {
    if (this.n * this.n < Number.MAX_SAFE_INTEGER) return (this.a * index + this.b) % this.n;
    return Number((BigInt(this.a) * BigInt(index) + BigInt(this.b)) % BigInt(this.n));
  }
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
