import type { RowValues } from '../model/block-version.js';
import { compileWhere } from '../find/compile-where.js';
import { compareODataRows } from './compare-odata-cells.js';
import type { ODataQuery } from './odata-query.js';

/** A page of a queried list, and how many items matched in all. */
export interface ODataPage<T> {
  items: T[];
  /** Items matching the filter, all pages together. */
  count: number;
}

/**
 * Runs a query in memory over items read as rows of `fields`: the filter
 * with the find engine's `compileWhere`, the order with
 * {@link compareODataRows} (stable, so ties keep the list's order), then
 * `$skip` and `$top`. The PostgreSQL store answers the same for block rows.
 */
export function runODataQuery<T>(
  items: readonly T[],
  fields: readonly string[],
  rowOf: (item: T) => RowValues,
  query: ODataQuery,
): ODataPage<T> {
  const test = compileWhere(query.where, [...fields], '$filter');
  const compare = compareODataRows(query.order, fields);
  if (compare === null && query.where === undefined)
    // Nothing to filter or order: no item is read as a row.
    return { items: items.slice(query.skip, query.skip + query.top), count: items.length };
  if (compare === null) {
    // In list order: only the page is kept, the rest counted (a block may hold a million rows).
    const page: T[] = [];
    let count = 0;
    for (const item of items) {
      if (!test(rowOf(item))) continue;
      if (count >= query.skip && count < query.skip + query.top) page.push(item);
      count++;
    }
    return { items: page, count };
  }
  const kept: Array<{ item: T; row: RowValues }> = [];
  for (const item of items) {
    const row = rowOf(item);
    if (test(row)) kept.push({ item, row });
  }
  kept.sort((a, b) => compare(a.row, b.row));
  return {
    items: kept.slice(query.skip, query.skip + query.top).map((k) => k.item),
    count: kept.length,
  };
}

/** An object with only the `$select`ed fields (all of them when none are selected). */
export function selectFields<T extends object>(
  item: T,
  select: readonly string[] | undefined,
): Partial<T> {
  if (select === undefined) return item;
  const out: Record<string, unknown> = {};
  for (const field of select)
    if (field in item) out[field] = (item as Record<string, unknown>)[field];
  return out as Partial<T>;
}
