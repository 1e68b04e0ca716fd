import type { CoverageModel } from './coverage-model.js';

/**
 * A number of rows no t-way covering set of the model can go below, so the
 * search can stop once it gets there: the product of the t largest level
 * counts (each tuple of those attributes needs its own row), and for
 * pairwise over two-level attributes the exact size from Kleitman and
 * Spencer (the least N with C(N-1, ⌈N/2⌉) ≥ attributes). With rules or
 * group-by some of those tuples may be excluded, so no bound is claimed.
 */
export function coveringLowerBound(model: CoverageModel, strength: number): number {
  if (model.clauses.length > 0) return 1;
  const sizes = [...model.sizes].sort((a, b) => b - a);
  let bound = sizes.slice(0, strength).reduce((product, size) => product * size, 1);
  if (strength === 2 && sizes[0] === 2) {
    let rows = 4;
    while (binomial(rows - 1, Math.ceil(rows / 2)) < sizes.length) rows++;
    bound = Math.max(bound, rows);
  }
  return bound;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
