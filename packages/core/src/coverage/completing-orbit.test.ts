import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completingOrbit, FREE_LEVEL, type MissingClasses } from './completing-orbit.js';
import { seededRandom } from './seeded-random.js';

/** Column pairs a < b of k columns, in the order the orbit search numbers them. */
function pairs(k: number): { pairA: number[]; pairB: number[] } {
  const pairA: number[] = [];
  const pairB: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      pairA.push(a);
      pairB.push(b);
    }
  }
  return { pairA, pairB };
}

/** Missing classes given as [a, b, class] with a < b: a difference 0..g-1, g for (∞, finite), g+1 for (finite, ∞). */
function missing(k: number, g: number, classes: [number, number, number][]): MissingClasses {
  const { pairA, pairB } = pairs(k);
  const index = classes.map(([a, b, c]) => {
    const p = pairA.findIndex((x, i) => x === a && pairB[i] === b);
    return p * (g + 2) + c;
  });
  return { k, g, classes: index, count: index.length, pairA, pairB };
}

/** The class an orbit holds on columns a < b, worked out from its levels here, not by the code under test. */
function held(orbit: Int32Array, a: number, b: number, g: number): number {
  const x = orbit[a]!;
  const y = orbit[b]!;
  if (x === g && y === g) return -1;
  if (x === g) return g;
  if (y === g) return g + 1;
  return (((x - y) % g) + g) % g;
}

describe('completingOrbit', () => {
  it('holds every missing class: chained differences and infinity beside a finite level', () => {
    const classes: [number, number, number][] = [
      [0, 1, 1],
      [1, 2, 2],
      [0, 2, 3],
      [2, 3, 5],
      [3, 4, 4],
    ];
    const orbit = completingOrbit(missing(6, 4, classes), seededRandom(1))!;
    for (const [a, b, c] of classes) expect(held(orbit, a, b, 4)).toBe(c);
    // Column 5 is in no missing class: left free for the search that follows.
    expect(orbit[5]).toBe(FREE_LEVEL);
  });

  it('gives null when differences close a cycle on another difference', () => {
    const cycle = missing(3, 4, [
      [0, 1, 1],
      [1, 2, 2],
      [0, 2, 1],
    ]);
    expect(completingOrbit(cycle, seededRandom(1))).toBe(null);
  });

  it('gives null when a column must be both infinity and finite', () => {
    const both = missing(3, 4, [
      [0, 1, 4],
      [0, 2, 1],
    ]);
    expect(completingOrbit(both, seededRandom(1))).toBe(null);
    const twice = missing(3, 4, [
      [0, 1, 4],
      [0, 2, 5],
    ]);
    expect(completingOrbit(twice, seededRandom(1))).toBe(null);
  });

  it('property: any classes one orbit holds are all held by the orbit it gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer(),
        fc.integer({ min: 1, max: 12 }),
        (g, k, seed, picks) => {
          // Classes some orbit holds, by construction: read off a random orbit.
          const random = seededRandom(seed);
          const source = Int32Array.from({ length: k }, () => random.below(g + 1));
          const { pairA, pairB } = pairs(k);
          const classes: [number, number, number][] = [];
          for (let i = 0; i < picks; i++) {
            const p = random.below(pairA.length);
            const c = held(source, pairA[p]!, pairB[p]!, g);
            if (c >= 0) classes.push([pairA[p]!, pairB[p]!, c]);
          }
          const orbit = completingOrbit(missing(k, g, classes), seededRandom(seed))!;
          expect(orbit).not.toBe(null);
          for (const [a, b, c] of classes) expect(held(orbit, a, b, g)).toBe(c);
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });
});
