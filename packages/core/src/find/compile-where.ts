import type { RowValues } from '../model/block-version.js';
import type { Where } from '../model/pool-definition.js';
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
  if (where === undefined) return () => true;
  return compileNode(where, columns, path);
}

function compileNode(where: unknown, columns: readonly string[], path: string): RowTest {
  if (!isPlainObject(where)) {
    throw invalidInput(
      path,
      `expected an object of columns and and/or/not, got ${describeType(where)}`,
    );
  }
  const tests: RowTest[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    tests.push(compileEntry(key, value, columns, childPath(path, key)));
  }
  return allOf(tests);
}

function compileEntry(
  key: string,
  value: unknown,
  columns: readonly string[],
  path: string,
): RowTest {
  switch (key) {
    case 'and':
      return allOf(compileList(value, columns, path));
    case 'or':
      return anyOf(compileList(value, columns, path));
    case 'not':
      return not(compileNode(value, columns, path));
    default:
      return compileColumn(key, value, columns, path);
  }
}

function compileList(value: unknown, columns: readonly string[], path: string): RowTest[] {
  if (!Array.isArray(value)) {
    throw invalidInput(path, `expected a list of conditions, got ${describeType(value)}`);
  }
  return value.map((item: unknown, index) => compileNode(item, columns, childPath(path, index)));
}

function compileColumn(
  column: string,
  value: unknown,
  columns: readonly string[],
  path: string,
): RowTest {
  const index = resolveColumn(columns, column, path);
  const test = isPlainObject(value)
    ? compileCondition(value, path)
    : matchValues([checkValue(value, path, '; for a list of values write { in: [...] }')]);
  return (row) => test(row[index]);
}
