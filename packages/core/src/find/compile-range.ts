import type { Value } from '../model/block-version.js';
import type { CellTest } from './cell-test.js';
import { describeType, invalidInput } from './invalid-input.js';
import { toNumber } from './to-number.js';

/** The ordering operators of a column condition. */
export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Compiles `gt`, `gte`, `lt` or `lte`. A number operand compares cells as
 * numbers; an ISO date operand (`2024-01-31`, optionally with a time)
 * compares cells as dates. A cell that is not a number (or date) fails.
 *
 * @throws AllotError `INVALID_INPUT` for any other operand, such as `"100"`
 *   or `true`, since ordering it would be a guess
 */
export function compileRange(operator: RangeOperator, operand: unknown, path: string): CellTest {
  if (typeof operand === 'number' && Number.isFinite(operand)) {
    return compare(operator, operand, toNumber);
  }
  if (typeof operand === 'string') return compare(operator, parseDate(operand, path), dateOf);
  throw invalidInput(
    path,
    `expected a number or an ISO date (YYYY-MM-DD), got ${describeType(operand)}`,
  );
}

function compare(
  operator: RangeOperator,
  bound: number,
  read: (cell: Value | undefined) => number,
): CellTest {
  // NaN from `read` makes every comparison false, which is what a non-number cell should do.
  switch (operator) {
    case 'gt':
      return (cell) => read(cell) > bound;
    case 'gte':
      return (cell) => read(cell) >= bound;
    case 'lt':
      return (cell) => read(cell) < bound;
    case 'lte':
      return (cell) => read(cell) <= bound;
  }
}

function parseDate(operand: string, path: string): number {
  const match = ISO_DATE.exec(operand);
  const time = Date.parse(operand);
  if (match === null || Number.isNaN(time) || !isCalendarDate(match)) {
    const hint = /^-?\d+(\.\d+)?$/.test(operand)
      ? `; write the number ${operand} without quotes`
      : '';
    throw invalidInput(
      path,
      `expected a number or an ISO date (YYYY-MM-DD), got "${operand}"${hint}`,
    );
  }
  return time;
}

/** Date.parse rolls `2024-02-30` over into March; an operand like that is a typo. */
function isCalendarDate(match: RegExpExecArray): boolean {
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

function dateOf(cell: Value | undefined): number {
  return typeof cell === 'string' ? Date.parse(cell) : NaN;
}
