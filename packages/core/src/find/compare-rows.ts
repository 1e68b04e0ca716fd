import type { RowValues, Value } from '../model/block-version.js';
import type { OrderBy } from '../model/pool-definition.js';
import { childPath } from './child-path.js';
import { describeType, invalidInput, isPlainObject } from './invalid-input.js';
import { resolveColumn } from './resolve-column.js';
import { toNumber } from './to-number.js';

/** Orders two rows: negative when `a` comes first. */
export type RowComparator = (a: RowValues, b: RowValues) => number;

interface SortKey {
  index: number;
  /** 1 ascending, -1 descending. */
  sign: number;
}

/**
 * Compiles a find's order into a comparator. Two cells that both read as
 * numbers compare as numbers (`"9"` before `"10"`); otherwise as strings by
 * UTF-16 code units, the same on every machine, unlike `localeCompare`.
 * Empty cells (null or `""`) come last in either direction.
 *
 * @param path - where the order sits in the pool file, e.g. `tests[3].find.order`
 * @returns null when there is no order to apply
 * @throws AllotError `UNKNOWN_COLUMN` for a column the block lacks;
 *   `INVALID_INPUT` for a malformed entry
 */
export function compareRows(
  order: OrderBy[] | undefined,
  columns: string[],
  path: string,
): RowComparator | null {
  if (order === undefined || order.length === 0) return null;
  const keys = order.map((entry, i) => sortKey(entry, columns, childPath(path, i)));
  return (a, b) => {
    for (const { index, sign } of keys) {
      const result = compareCells(a[index], b[index], sign);
      if (result !== 0) return result;
    }
    return 0;
  };
}

function sortKey(entry: unknown, columns: readonly string[], path: string): SortKey {
  if (!isPlainObject(entry)) {
    throw invalidInput(path, `expected { column, direction }, got ${describeType(entry)}`);
  }
  const { column, direction = 'asc' } = entry;
  if (typeof column !== 'string') {
    throw invalidInput(
      childPath(path, 'column'),
      `expected a column name, got ${describeType(column)}`,
    );
  }
  if (direction !== 'asc' && direction !== 'desc') {
    throw invalidInput(
      childPath(path, 'direction'),
      `expected asc or desc, got ${JSON.stringify(direction)}`,
    );
  }
  const index = resolveColumn(columns, column, childPath(path, 'column'));
  return { index, sign: direction === 'asc' ? 1 : -1 };
}

function compareCells(a: Value | undefined, b: Value | undefined, sign: number): number {
  const aEmpty = isEmpty(a);
  const bEmpty = isEmpty(b);
  // Empties sort last whatever the direction, so `sign` does not apply to them.
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  const x = toNumber(a);
  const y = toNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return sign * (x - y);
  const s = String(a);
  const t = String(b);
  return s === t ? 0 : s < t ? -sign : sign;
}

function isEmpty(cell: Value | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}
