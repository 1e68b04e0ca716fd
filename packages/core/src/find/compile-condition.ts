import type { Value } from '../model/block-version.js';
import type { ColumnCondition } from '../model/pool-definition.js';
import type { CellTest } from './cell-test.js';
import { childPath } from './child-path.js';
import { allOf, not } from './combine-tests.js';
import { describeType, invalidInput, isPlainObject } from './invalid-input.js';
import { matchValues } from './match-values.js';
import { compileRange } from './compile-range.js';

/** The operators of a {@link ColumnCondition}. */
export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'endsWith',
  'isNull',
  'not',
] as const satisfies readonly (keyof ColumnCondition)[];

type Operator = (typeof CONDITION_OPERATORS)[number];

/**
 * Compiles a column condition into a cell test; every operator in it must hold.
 * Operands are checked and parsed here, once, not per row.
 *
 * @param path - where the condition sits, e.g. `tests[3].find.where.balance`
 * @throws AllotError `INVALID_INPUT` for an empty condition, an unknown
 *   operator or an operand of the wrong type, at the operator's path
 */
export function compileCondition(condition: Record<string, unknown>, path: string): CellTest {
  const tests: CellTest[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    tests.push(compileOperator(operator, operand, childPath(path, operator)));
  }
  if (tests.length === 0) {
    throw invalidInput(
      path,
      `the condition is empty; use one of: ${CONDITION_OPERATORS.join(', ')}`,
    );
  }
  return allOf(tests);
}

/**
 * Checks that an operand is a value a cell can equal.
 *
 * @throws AllotError `INVALID_INPUT` for objects, arrays and non-finite numbers
 */
export function checkValue(operand: unknown, path: string, hint = ''): Value {
  const ok =
    operand === null ||
    typeof operand === 'string' ||
    typeof operand === 'boolean' ||
    (typeof operand === 'number' && Number.isFinite(operand));
  if (!ok) {
    throw invalidInput(
      path,
      `expected a string, finite number, boolean or null, got ${describeType(operand)}${hint}`,
    );
  }
  return operand as Value;
}

function compileOperator(operator: string, operand: unknown, path: string): CellTest {
  if (!isOperator(operator)) {
    throw invalidInput(
      path,
      `unknown operator "${operator}"; use one of: ${CONDITION_OPERATORS.join(', ')}`,
    );
  }
  switch (operator) {
    case 'eq':
      return matchValues([checkValue(operand, path)]);
    case 'ne':
      return not(matchValues([checkValue(operand, path)]));
    case 'in':
      return matchValues(checkList(operand, path));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compileRange(operator, operand, path);
    case 'contains':
      return contains(checkString(operand, path));
    case 'startsWith':
      return startsWith(checkString(operand, path));
    case 'endsWith':
      return endsWith(checkString(operand, path));
    case 'isNull':
      return checkBoolean(operand, path) ? isEmpty : not(isEmpty);
    case 'not':
      return not(compileNot(operand, path));
  }
}

function isOperator(name: string): name is Operator {
  return (CONDITION_OPERATORS as readonly string[]).includes(name);
}

function compileNot(operand: unknown, path: string): CellTest {
  // `not: locked` reads naturally as `ne: locked`, so a bare value is accepted too.
  if (isPlainObject(operand)) return compileCondition(operand, path);
  return matchValues([checkValue(operand, path, ' or a condition')]);
}

function checkList(operand: unknown, path: string): Value[] {
  if (!Array.isArray(operand)) {
    throw invalidInput(path, `expected a list of values, got ${describeType(operand)}`);
  }
  return operand.map((item: unknown, index) => checkValue(item, childPath(path, index)));
}

function checkString(operand: unknown, path: string): string {
  if (typeof operand !== 'string') {
    throw invalidInput(path, `expected a string, got ${describeType(operand)}`);
  }
  return operand;
}

function checkBoolean(operand: unknown, path: string): boolean {
  if (typeof operand !== 'boolean') {
    throw invalidInput(path, `expected true or false, got ${describeType(operand)}`);
  }
  return operand;
}

function contains(text: string): CellTest {
  return (cell) => {
    if (typeof cell === 'string') return cell.includes(text);
    return (typeof cell === 'number' || typeof cell === 'boolean') && String(cell).includes(text);
  };
}

function startsWith(text: string): CellTest {
  return (cell) => {
    if (typeof cell === 'string') return cell.startsWith(text);
    return (typeof cell === 'number' || typeof cell === 'boolean') && String(cell).startsWith(text);
  };
}

function endsWith(text: string): CellTest {
  return (cell) => {
    if (typeof cell === 'string') return cell.endsWith(text);
    return (typeof cell === 'number' || typeof cell === 'boolean') && String(cell).endsWith(text);
  };
}

function isEmpty(cell: Value | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}
