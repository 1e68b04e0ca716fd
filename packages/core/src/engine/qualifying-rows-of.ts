import { compileWhereAs } from '../find/compile-where.js';
import { allOfRows, allRows, anyOfRows, notRows, type RowBits } from '../data-block/row-bits.js';
import type { ColumnTable } from '../data-block/column-table.js';
import { LruCache } from '../lru-cache.js';
import type { FindClass } from './find-classes.js';

const compiled = new WeakMap<FindClass, RowBits>();
/** Finds' row sets by table, so the next job's classes of the same finds combine nothing. */
const byTable = new WeakMap<ColumnTable, LruCache<RowBits>>();
/** Finds kept per table: a bundle's distinct finds, twice over. */
const KEPT_FINDS = 64;

/**
 * Every row of a class's table that its find selects, as a bitset, computed
 * once per class after the table is read. Each column condition is decided
 * once per distinct value of its column and kept by its column (a job's
 * classes share conditions, and the next job's classes meet them again);
 * the conditions are then combined a word of 32 rows at a time, and the
 * result kept by its table for the next job's classes of the same find.
 */
export function qualifyingRowsOf(cls: FindClass): RowBits {
  let bits = compiled.get(cls);
  if (bits === undefined) {
    const { table, block } = cls.source;
    const { rowCount } = table;
    const where = cls.find.where;
    let kept = byTable.get(table);
    if (kept === undefined) {
      kept = new LruCache(KEPT_FINDS);
      byTable.set(table, kept);
    }
    const key = JSON.stringify(where ?? null);
    bits = kept.get(key);
    if (bits !== undefined) {
      compiled.set(cls, bits);
      return bits;
    }
    // The find compiled against these columns when the class was made: no path to report.
    bits =
      where === undefined
        ? allRows(rowCount)
        : compileWhereAs(where, block.columns, 'where', {
            leaf: (column, test, condition) =>
              table.column(column).rowBits(test, JSON.stringify(condition)),
            all: (parts) => allOfRows(parts, rowCount),
            any: (parts) => anyOfRows(parts, rowCount),
            not: (part) => notRows(part, rowCount),
          });
    compiled.set(cls, bits);
    kept.set(key, bits);
  }
  return bits;
}
