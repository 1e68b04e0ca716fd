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
  return compileNode(where, { columns, leaf }, path);
}

interface Compiling<T> {
  columns: readonly string[];
  leaf: LeafOf<T>;
}

function compileNode<T>(where: unknown, on: Compiling<T>, path: string): (row: T) => boolean {
  if (!isPlainObject(where)) {
    throw invalidInput(
      path,
      `expected an object of columns and and/or/not, got ${describeType(where)}`,
    );
  }
  const tests: Array<(row: T) => boolean> = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    tests.push(compileEntry(key, value, on, childPath(path, key)));
  }
  return allOf(tests);
}

function compileEntry<T>(
  key: string,
  value: unknown,
  on: Compiling<T>,
  path: string,
): (row: T) => boolean {
  switch (key) {
    case 'and':
      return allOf(compileList(value, on, path));
    case 'or':
      return anyOf(compileList(value, on, path));
    case 'not':
      return not(compileNode(value, on, path));
    default:
      return compileColumn(key, value, on, path);
  }
}

function compileList<T>(
  value: unknown,
  on: Compiling<T>,
  path: string,
): Array<(row: T) => boolean> {
  if (!Array.isArray(value)) {
    throw invalidInput(path, `expected a list of conditions, got ${describeType(value)}`);
  }
  return value.map((item: unknown, index) => compileNode(item, on, childPath(path, index)));
}

function compileColumn<T>(
  column: string,
  value: unknown,
  on: Compiling<T>,
  path: string,
): (row: T) => boolean {
  const index = resolveColumn(on.columns, column, path);
  const test = isPlainObject(value)
    ? compileCondition(value, path)
    : matchValues([checkValue(value, path, '; for a list of values write { in: [...] }')]);
  return on.leaf(index, test);
}
