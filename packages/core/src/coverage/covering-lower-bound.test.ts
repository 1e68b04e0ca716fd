import { describe, expect, it } from 'vitest';
import { compileCoverageModel } from './coverage-model.js';
import { coveringLowerBound } from './covering-lower-bound.js';
import type { DeterminingAttribute } from './determining-attribute.js';

const uniform = (count: number, levels: number): DeterminingAttribute[] =>
  Array.from({ length: count }, (_, a) => ({
    name: `a${a}`,
    type: 'VALUE',
    dataType: 'STRING',
    values: Array.from({ length: levels }, (_, v) => `v${v}`),
  }));

describe('coveringLowerBound', () => {
  it('is the product of the t largest level counts', () => {
    const attributes = [...uniform(3, 3), { ...uniform(1, 5)[0]!, name: 'big' }];
    expect(coveringLowerBound(compileCoverageModel({ attributes }), 2)).toBe(15);
    expect(coveringLowerBound(compileCoverageModel({ attributes }), 3)).toBe(45);
  });

  it("is Kleitman and Spencer's exact size for pairwise binary attributes", () => {
    expect(coveringLowerBound(compileCoverageModel({ attributes: uniform(100, 2) }), 2)).toBe(10);
    expect(coveringLowerBound(compileCoverageModel({ attributes: uniform(126, 2) }), 2)).toBe(10);
    expect(coveringLowerBound(compileCoverageModel({ attributes: uniform(127, 2) }), 2)).toBe(11);
    expect(coveringLowerBound(compileCoverageModel({ attributes: uniform(3, 2) }), 2)).toBe(4);
  });

  it('claims nothing once rules may exclude tuples', () => {
    const rules = [{ conditions: { a0: { values: ['v0'] } } }];
    expect(coveringLowerBound(compileCoverageModel({ attributes: uniform(4, 3), rules }), 2)).toBe(
      1,
    );
  });
});
