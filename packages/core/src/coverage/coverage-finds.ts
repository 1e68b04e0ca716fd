import type {
  AllocationTest,
  ColumnCondition,
  Find,
  Generator,
  Make,
  Where,
} from '../model/pool-definition.js';
import { levelLabel } from './attribute-levels.js';
import type { CoverageCombination } from './calculate-coverage.js';
import { sourceKey } from './coverage-model.js';
import type { DeterminingAttribute } from './determining-attribute.js';

/**
 * The finds that select the rows of a combination: one per source block
 * (`from: name@version`), each a `where` over that block's columns, a
 * value as equality and a range as both inclusive bounds. Attributes with
 * no source describe no data and add nothing.
 */
export function combinationFinds(
  combination: CoverageCombination,
  attributes: readonly DeterminingAttribute[],
): Find[] {
  const byBlock = new Map<string, Where>();
  for (const attribute of attributes) {
    const level = combination[attribute.name];
    if (attribute.source === undefined || level === undefined) continue;
    const from = sourceKey(attribute.source);
    const where = byBlock.get(from) ?? {};
    // Always the operator form, so a column named `and`, `or` or `not` is still a column.
    const condition: ColumnCondition =
      typeof level === 'object' ? { gte: level.minValue, lte: level.maxValue } : { eq: level };
    where[attribute.source.attribute] = condition;
    byBlock.set(from, where);
  }
  return [...byBlock].map(([from, where]) => ({ from, where }));
}

/** Options of {@link coverageTests}. */
export interface CoverageTestsOptions {
  /** The suite the tests belong to, usually the coverage set's name and version. */
  suite: string;
  /** Rows each combination needs; default 1. */
  count?: number;
  /**
   * When set, each test gets a make for the combination no row satisfies:
   * the combination's values (a range's lower bound) in the source columns
   * and a fresh key in this column, unique per run and combination.
   */
  makeKey?: string;
}

/**
 * The make of one combination's find: a constant per attribute column (a
 * range's lower bound, which its find accepts) and a key made of the run's
 * namespace, the combination's position and the row's index.
 */
export function combinationMake(
  combination: CoverageCombination,
  attributes: readonly DeterminingAttribute[],
  options: { from: string; key: string; position: number },
): Make {
  const columns: Record<string, Generator> = {};
  for (const attribute of attributes) {
    const level = combination[attribute.name];
    if (attribute.source === undefined || level === undefined) continue;
    if (sourceKey(attribute.source) !== options.from) continue;
    columns[attribute.source.attribute] = {
      const: typeof level === 'object' ? level.minValue : level,
    };
  }
  columns[options.key] ??= { template: `cov-{{run.namespace}}-${options.position}-{{row.index}}` };
  return { columns };
}

/**
 * One allocation test per combination and source block, so the engine
 * allocates coverage as it allocates tests: distinct rows, the matching,
 * leases, and a failure with its reason for a combination no row holds.
 * A test is named after its combination (`3: acct_type=Savings, amount_1=0.01..250`).
 */
export function coverageTests(
  combinations: readonly CoverageCombination[],
  attributes: readonly DeterminingAttribute[],
  options: CoverageTestsOptions,
): AllocationTest[] {
  return combinations.flatMap((combination, index) => {
    const finds = combinationFinds(combination, attributes);
    const name = `${index + 1}: ${attributes.map((a) => `${a.name}=${levelLabel(combination[a.name]!)}`).join(', ')}`;
    return finds.map((find) => ({
      suite: options.suite,
      test: finds.length > 1 ? `${name} (${find.from})` : name,
      find,
      ...(options.makeKey === undefined
        ? {}
        : {
            make: combinationMake(combination, attributes, {
              from: find.from!,
              key: options.makeKey,
              position: index + 1,
            }),
          }),
      count: options.count ?? 1,
      consume: false,
      readOnly: false,
    }));
  });
}
