import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoverageCombination } from './calculate-coverage.js';
import { compileCoverageModel, type CoverageInput } from './coverage-model.js';
import { countTuples } from './count-tuples.js';
import type { DeterminingAttribute } from './determining-attribute.js';
import { orbitRows } from './orbit-rows.js';
import { seededRandom } from './seeded-random.js';

const attributes = (sizes: number[]): DeterminingAttribute[] =>
  sizes.map((size, a) => ({
    name: `a${a}`,
    type: 'VALUE',
    dataType: 'STRING',
    values: Array.from({ length: size }, (_, v) => `v${v}`),
  }));

const search = { moves: 20_000, patience: 2000, floor: 1, tenure: 3 };

/** Rows of level indices as the combinations the independent counter reads. */
const combinations = (input: CoverageInput, rows: Int32Array[]): CoverageCombination[] =>
  rows.map((row) =>
    Object.fromEntries(input.attributes.map((a, i) => [a.name, a.values[row[i]!]!])),
  );

describe('orbitRows', () => {
  it('covers every pair of 3^13 in 15 rows: 7 orbits of 2 and the row of infinity', () => {
    const input = { attributes: attributes(Array(13).fill(3)) };
    const orbit = orbitRows(compileCoverageModel(input), seededRandom(1), search)!;
    expect(orbit.covering).toHaveLength(15);
    expect(countTuples(input, combinations(input, orbit.covering), 2)).toMatchObject({
      required: 702,
      covered: 702,
    });
  });

  it('gives its smallest try, short of some pairs, apart from its smallest covering', () => {
    const input = { attributes: attributes(Array(20).fill(10)) };
    const orbit = orbitRows(compileCoverageModel(input), seededRandom(1), search)!;
    expect(orbit.covering.length).toBeLessThanOrEqual(181);
    const count = countTuples(input, combinations(input, orbit.covering), 2);
    expect(count.covered).toBe(count.required);
    // Each orbit is 9 rows: the try after the covering is 9 rows fewer and misses a few pairs.
    expect(orbit.nearest).toHaveLength(orbit.covering.length - 9);
    const near = countTuples(input, combinations(input, orbit.nearest!), 2);
    expect(near.covered).toBeLessThan(near.required);
    expect(near.covered).toBeGreaterThan(near.required - 100);
  });

  it('adds orbits when the first ones are too few for many attributes (3^40)', () => {
    const input = { attributes: attributes(Array(40).fill(3)) };
    const orbit = orbitRows(compileCoverageModel(input), seededRandom(1), search);
    expect(orbit).not.toBe(null);
    const count = countTuples(input, combinations(input, orbit!.covering), 2);
    expect(count.covered).toBe(count.required);
  });

  it('property: folded onto fewer levels per column, every pair is still covered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 2, maxLength: 8 }),
        fc.integer(),
        (sizes, seed) => {
          fc.pre(Math.max(...sizes) >= 3);
          const input = { attributes: attributes(sizes) };
          const orbit = orbitRows(compileCoverageModel(input), seededRandom(seed), {
            ...search,
            moves: 2000,
            patience: 300,
          });
          const count = countTuples(input, combinations(input, orbit!.covering), 2);
          expect(count.covered).toBe(count.required);
        },
      ),
      { numRuns: 40, seed: 20261206 },
    );
  });

  it('does not apply to two levels, nor once rules may exclude pairs', () => {
    const model = (input: CoverageInput) => compileCoverageModel(input);
    expect(orbitRows(model({ attributes: attributes([2, 2, 2]) }), seededRandom(1), search)).toBe(
      null,
    );
    const rules = [{ conditions: { a0: { values: ['v0'] }, a1: { values: ['v1'] } } }];
    expect(
      orbitRows(model({ attributes: attributes([3, 3, 3]), rules }), seededRandom(1), search),
    ).toBe(null);
  });
});
