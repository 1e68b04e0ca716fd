import type { RowValues } from '../model/block-version.js';
import type { Where } from '../model/pool-definition.js';
import type { CellTest } from './cell-test.js';
import { childPath } from './child-path.js';
import { allOf, anyOf, not } from './combine-tests.js';
import { checkValue, compileCondition } from './compile-condition.js';
import { describeType, invalidInput, isPlainObject } from './invalid-input.js';
import { matchValues } from './match-values.js';
import { resolveColumn } from './resolve-column.js';

/** A compiled where: true when a row qualifies. */
export type RowTest = (row: RowValues) => boolean;

/**
 * Compiles a where into a row test. The keys `and`, `or` (lists of wheres)
 * and `not` (a where) combine; any other key is a column, whose value is
 * either a value to equal or a column condition. Keys of one object are
 * ANDed; an empty or missing where matches every row, `or: []` none.
 *
 * Columns are resolved to indexes and operands parsed here, so the test does
 * no name lookups, parsing of operands or allocation per row.
 *
 * @param columns - the data block's columns, in row order
 * @param path - where the where sits in the pool file, e.g. `tests[3].find.where`
 * @throws AllotError `UNKNOWN_COLUMN` for a column the block lacks (listing
 *   its columns); `INVALID_INPUT` for a malformed where, at its path
 */
export function compileWhere(where: Where | undefined, columns: string[], path: string): RowTest {
  return compileWhereWith(where, columns, path, (index, test) => (row) => test(row[index]));
}

/**
 * Turns a column's cell test into a test of whatever identifies a row:
 * a row array, or a row's index in a table held by column.
 */
export type LeafOf<T> = (column: number, test: CellTest) => (row: T) => boolean;

/**
 * {@link compileWhere} over rows identified by `T`: the where is checked and
 * combined the same way, and each column condition becomes `leaf(column, test)`.
 */
export function compileWhereWith<T>(
  where: Where | undefined,
  columns: readonly string[],
  path: string,
  leaf: LeafOf<T>,
): (row: T) => boolean {
  if (where === undefined) return () => true;
  return compileWhereAs(where, columns, path, {
    leaf,
    all: allOf,
    any: anyOf,
    not,
  });
}

/**
 * What a where compiles to, built bottom-up: a column condition is a leaf,
 * given its cell test and the condition as written (a key for caching what
 * it selects); `all` of an empty list selects every row, `any` of one none.
 */
export interface WhereAlgebra<R> {
  leaf: (column: number, test: CellTest, condition: unknown) => R;
  all: (parts: R[]) => R;
  any: (parts: R[]) => R;
  not: (part: R) => R;
}

/**
 * Compiles a where into any {@link WhereAlgebra}: row tests, or sets of row
 * indexes combined a word at a time. The where is checked here, whatever
 * the algebra.
 *
 * @throws AllotError as {@link compileWhere}
 */
export function compileWhereAs<R>(
  where: Where,
  columns: readonly string[],
  path: string,
  algebra: WhereAlgebra<R>,
): R {
  return compileNode(where, { columns, algebra }, path);
}

interface Compiling<R> {
  columns: readonly string[];
  algebra: WhereAlgebra<R>;
}

function compileNode<R>(where: unknown, on: Compiling<R>, path: string): R {
  if (!isPlainObject(where)) {
    throw invalidInput(
      path,
      `expected an object of columns and and/or/not, got ${describeType(where)}`,
    );
  }
  const parts: R[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    parts.push(compileEntry(key, value, on, childPath(path, key)));
  }
  return on.algebra.all(parts);
}

function compileEntry<R>(key: string, value: unknown, on: Compiling<R>, path: string): R {
  switch (key) {
    case 'and':
      return on.algebra.all(compileList(value, on, path));
    case 'or':
      return on.algebra.any(compileList(value, on, path));
    case 'not':
      return on.algebra.not(compileNode(value, on, path));
    default:
      return compileColumn(key, value, on, path);
  }
}

function compileList<R>(value: unknown, on: Compiling<R>, path: string): R[] {
  if (!Array.isArray(value)) {
    throw invalidInput(path, `expected a list of conditions, got ${describeType(value)}`);
  }
  return value.map((item: unknown, index) => compileNode(item, on, childPath(path, index)));
}

function compileColumn<R>(column: string, value: unknown, on: Compiling<R>, path: string): R {
  const index = resolveColumn(on.columns, column, path);
  const test = isPlainObject(value)
    ? compileCondition(value, path)
    : matchValues([checkValue(value, path, '; for a list of values write { in: [...] }')]);
  return on.algebra.leaf(index, test, value);
}
