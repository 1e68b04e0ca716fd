import { CoverageInputError } from './coverage-input-error.js';
import { coveringLowerBound } from './covering-lower-bound.js';
import {
  breaksClause,
  compileCoverageModel,
  type CoverageInput,
  type CoverageModel,
} from './coverage-model.js';
import type { AttributeRange, AttributeValue } from './determining-attribute.js';
import { greedyRows } from './greedy-rows.js';
import { orbitRows } from './orbit-rows.js';
import { seededRandom } from './seeded-random.js';
import { tabuReduce, type TabuOptions } from './tabu-reduce.js';
import { tupleOf, tupleSpace, type TupleSpace } from './tuple-space.js';

/** Every combination past this many is refused: ask for n-wise instead. */
export const MAX_COMBINATIONS = 1_000_000;

/** The highest n-wise strength offered. */
export const MAX_STRENGTH = 6;

/** How coverage is calculated. */
export interface CoverageOptions {
  /** `all` for every combination, or 1 to 6 for n-wise (2 = pairwise). Default 2. */
  strength?: number | 'all';
  /** Same input, seed and effort, same rows. Default 1. */
  seed?: number | string;
  /**
   * Search moves spent shrinking the rows after the greedy construction
   * (all of them, unless a proven minimum is reached first). A count, not a
   * time, so results never depend on the machine. Default: scaled to the
   * model, stopping early once progress stalls; see the core README.
   */
  effort?: number;
  /**
   * Rows to settle for: the search stops as soon as this many or fewer
   * cover, rather than spending its effort trying to go lower.
   */
  target?: number;
  /**
   * Milliseconds the search may take, whatever the effort: past it the
   * best rows so far are returned. Rows then depend on the machine and its
   * load; without it they never do.
   */
  budgetMs?: number;
}

/** One combination: attribute name → one of its values or ranges. */
export type CoverageCombination = Record<string, AttributeValue | AttributeRange>;

/** What a calculation covered. */
export interface CoverageReport {
  strength: number | 'all';
  seed: number | string;
  /** t-way tuples (every valid combination, for `all`) some valid row can hold. */
  tuplesRequired: number;
  tuplesCovered: number;
  /** t-way tuples no valid row can hold: removed by rules or group-by. */
  tuplesExcluded: number;
  rows: number;
}

/** The combinations, ordered by priority, and their report. */
export interface CoverageResult {
  combinations: CoverageCombination[];
  report: CoverageReport;
}

/**
 * Calculates the combinations of a coverage set: every valid combination,
 * or a small set of rows covering every t-way tuple of levels (values, or
 * ranges as buckets) that a valid row can hold. Valid means breaking no
 * business rule (a rule removes the combinations matching ALL its
 * conditions) and no group-by (a grouped value only combines with the
 * grouping attribute's values that occur with it in the source rows).
 *
 * n-wise rows come from a greedy construction shrunk by a tabu search
 * ({@link CoverageOptions.effort}); all randomness comes from the seed.
 * Rows are then ordered by priority: a row holding a higher-priority
 * (lower number) value comes first, ties keep their order.
 *
 * @throws CoverageInputError `INVALID_INPUT` for a strength outside 1–6,
 *   too many combinations or tuples, or input {@link compileCoverageModel} refuses
 */
export function calculateCoverage(
  input: CoverageInput,
  options: CoverageOptions = {},
): CoverageResult {
  const strength = options.strength ?? 2;
  const seed = options.seed ?? 1;
  if (
    strength !== 'all' &&
    !(Number.isInteger(strength) && strength >= 1 && strength <= MAX_STRENGTH)
  ) {
    throw new CoverageInputError(
      'strength',
      `expected "all" or an integer from 1 to ${MAX_STRENGTH}, got ${String(strength)}`,
    );
  }
  if (options.effort !== undefined && !(Number.isInteger(options.effort) && options.effort >= 0)) {
    throw new CoverageInputError(
      'effort',
      `expected a whole number of moves, got ${String(options.effort)}`,
    );
  }
  for (const name of ['target', 'budgetMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new CoverageInputError(
        name,
        `expected a whole number of 1 or more, got ${String(value)}`,
      );
    }
  }
  const model = compileCoverageModel(input);
  if (strength === 'all' || strength >= model.sizes.length) {
    const rows = everyCombination(model);
    const total = model.sizes.reduce((product, size) => product * size, 1);
    return result(model, rows, {
      strength,
      seed,
      tuplesRequired: rows.length,
      tuplesCovered: rows.length,
      tuplesExcluded: total - rows.length,
      rows: rows.length,
    });
  }
  const space = tupleSpace(model, strength);
  let rows: Int32Array[] = [];
  if (space.requiredCount > 0) {
    const effort = options.effort ?? defaultEffort(space.requiredCount);
    // An effort asked for is spent; the default stops once progress stalls.
    const patience = options.effort ?? Math.max(2000, 4 * space.requiredCount);
    const search: TabuOptions = {
      moves: effort,
      patience,
      floor: Math.max(coveringLowerBound(model, strength), options.target ?? 0),
      tenure: 3,
      ...(options.budgetMs === undefined ? {} : { deadline: Date.now() + options.budgetMs }),
    };
    const start = startingRows(model, space, seed, search);
    // By default a start the search cannot better within a move per cell is taken as settled.
    const opening = options.effort ?? start.length * model.sizes.length;
    rows = tabuReduce(model, space, start, seededRandom(`${seed}:tabu`), { ...search, opening });
  }
  const covered = new Uint8Array(space.total);
  let tuplesCovered = 0;
  for (const row of rows) {
    for (const combo of space.combos) {
      const index = tupleOf(combo, row);
      if (!covered[index] && space.required[index]) tuplesCovered++;
      covered[index] = 1;
    }
  }
  return result(model, rows, {
    strength,
    seed,
    tuplesRequired: space.requiredCount,
    tuplesCovered,
    tuplesExcluded: space.total - space.requiredCount,
    rows: rows.length,
  });
}

/**
 * Rows to start the tabu search from: for pairwise without clauses the
 * orbit construction, and unless every attribute has the same number of
 * levels, where the orbits fit best, the greedy construction too; the
 * smaller wins.
 */
function startingRows(
  model: CoverageModel,
  space: TupleSpace,
  seed: number | string,
  search: TabuOptions,
): Int32Array[] {
  const orbit =
    space.strength === 2 ? orbitRows(model, seededRandom(`${seed}:orbit`), search) : null;
  if (orbit !== null && model.sizes.every((size) => size === model.sizes[0])) return orbit;
  const greedy = greedyRows(model, space, seededRandom(`${seed}:greedy`), { candidates: 1 });
  return orbit !== null && orbit.length <= greedy.length ? orbit : greedy;
}

/** Moves for the tabu search: enough to settle small models, bounded for large ones. */
function defaultEffort(tuples: number): number {
  return Math.min(400_000, Math.max(20_000, 20 * tuples));
}

function result(model: CoverageModel, rows: Int32Array[], report: CoverageReport): CoverageResult {
  const ordered = byPriority(model, rows);
  return {
    combinations: ordered.map((row) => {
      const combination: CoverageCombination = {};
      model.attributes.forEach((attribute, a) => {
        combination[attribute.name] = attribute.values[row[a]!]!;
      });
      return combination;
    }),
    report,
  };
}

function byPriority(model: CoverageModel, rows: Int32Array[]): Int32Array[] {
  if (model.attributes.every((attribute) => attribute.valuesPriority === undefined)) return rows;
  const keys = new Map(
    rows.map((row) => [
      row,
      Array.from(row, (level, a) => model.rank[a]![level]!).sort((x, y) => x - y),
    ]),
  );
  return [...rows].sort((x, y) => {
    const kx = keys.get(x)!;
    const ky = keys.get(y)!;
    for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return kx[i]! - ky[i]!;
    return 0;
  });
}

/** Every combination breaking no clause, in level order (depth first, pruned as soon as a clause breaks). */
function everyCombination(model: CoverageModel): Int32Array[] {
  const k = model.sizes.length;
  const rows: Int32Array[] = [];
  const row = new Int32Array(k).fill(-1);
  const visit = (a: number): void => {
    if (a === k) {
      if (rows.length === MAX_COMBINATIONS) {
        throw new CoverageInputError(
          'strength',
          `more than ${MAX_COMBINATIONS} combinations; ask for n-wise coverage instead`,
        );
      }
      rows.push(row.slice());
      return;
    }
    for (let level = 0; level < model.sizes[a]!; level++) {
      row[a] = level;
      if (!breaksClause(model.clausesOf[a]!, row)) visit(a + 1);
    }
    row[a] = -1;
  };
  visit(0);
  return rows;
}
