import type { RowValues, Value } from '../model/block-version.js';
import type { OrderBy } from '../model/pool-definition.js';
import { toNumber } from '../find/to-number.js';

/** Orders two rows: negative when `a` comes first. */
export type ODataComparator = (a: RowValues, b: RowValues) => number;

/**
 * Compiles an `$orderby` into a total order, the same one the PostgreSQL
 * store writes as ORDER BY: empty cells (null, missing, `""`) last in either
 * direction; then cells that read as numbers (`toNumber`) before the others,
 * numbers by value and the others by code point (the order of UTF-8 bytes,
 * as PostgreSQL's C collation), each group reversed by `desc`. Ties keep
 * the list's own order (the caller sorts stably).
 */
export function compareODataRows(
  order: readonly OrderBy[],
  columns: readonly string[],
): ODataComparator | null {
  if (order.length === 0) return null;
  const keys = order.map((o) => ({
    index: columns.indexOf(o.column),
    sign: o.direction === 'desc' ? -1 : 1,
  }));
  return (a, b) => {
    for (const { index, sign } of keys) {
      const result = compareCells(a[index], b[index], sign);
      if (result !== 0) return result;
    }
    return 0;
  };
}

function compareCells(a: Value | undefined, b: Value | undefined, sign: number): number {
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  const x = typeof a === 'boolean' ? NaN : toNumber(a);
  const y = typeof b === 'boolean' ? NaN : toNumber(b);
  const xNumber = !Number.isNaN(x);
  const yNumber = !Number.isNaN(y);
  if (xNumber !== yNumber) return xNumber ? -1 : 1;
  if (xNumber) return x === y ? 0 : sign * (x < y ? -1 : 1);
  return sign * compareCodePoints(String(a), String(b));
}

function compareCodePoints(s: string, t: string): number {
  if (s === t) return 0;
  const a = Array.from(s);
  const b = Array.from(t);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = (a[i] as string).codePointAt(0) as number;
    const y = (b[i] as string).codePointAt(0) as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}
