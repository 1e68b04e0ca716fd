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
    expect(orbit).toHaveLength(15);
    expect(countTuples(input, combinations(input, orbit), 2)).toMatchObject({
      required: 702,
      covered: 702,
    });
  });

  it('completes the try with one orbit fewer by one more orbit, its unneeded cells free (10^20)', () => {
    const input = { attributes: attributes(Array(20).fill(10)) };
    const orbit = orbitRows(compileCoverageModel(input), seededRandom(1), search)!;
    // 20 orbits of 9 rows and the row of infinity: 19 searched, one completing them.
    expect(orbit).toHaveLength(181);
    const count = countTuples(input, combinations(input, orbit), 2);
    expect(count.covered).toBe(count.required);
    // The completing orbit's free cells take a level per row, so its rows are not one orbit's.
    const last = orbit.slice(171, 180);
    const turned = last.every((row, s) =>
      row.every((level, a) => level === 9 || level === (last[0]![a]! + s) % 9),
    );
    expect(turned).toBe(false);
  });

  it('adds orbits when the first ones are too few for many attributes (3^40)', () => {
    const input = { attributes: attributes(Array(40).fill(3)) };
    const orbit = orbitRows(compileCoverageModel(input), seededRandom(1), search);
    expect(orbit).not.toBe(null);
    const count = countTuples(input, combinations(input, orbit!), 2);
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
          const count = countTuples(input, combinations(input, orbit!), 2);
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
