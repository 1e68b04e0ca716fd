import type { ColumnTable } from '../data-block/column-table.js';
import type { BlockClaims } from './scan-candidates.js';

/** A row no lease or consumption holds. */
export const FREE = 0;
/** A row only read-only (shared) leases hold: a read-only test may share it. */
export const SHARED = 1;
/** A row consumed, or held by an exclusive lease: nobody may take it. */
export const TAKEN = 2;

const seen = new WeakMap<BlockClaims, WeakMap<ColumnTable, Uint8Array>>();

/**
 * What the claims on a block hold of each row of one of its tables
 * ({@link FREE}, {@link SHARED} or {@link TAKEN}), by row index: the key
 * column is read once per plan and table, so the scans of a job's classes
 * look a byte up per row instead of the key in the claims.
 *
 * @returns null when nothing of the block is claimed
 */
export function claimedRows(
  claims: BlockClaims,
  table: ColumnTable,
  keyIndex: number,
): Uint8Array | null {
  if (claims.leases.size === 0 && claims.consumed.size === 0) return null;
  let byTable = seen.get(claims);
  if (byTable === undefined) {
    byTable = new WeakMap();
    seen.set(claims, byTable);
  }
  let states = byTable.get(table);
  if (states === undefined) {
    const rows = new Uint8Array(table.rowCount);
    const { leases, consumed } = claims;
    // The claims name a few thousand keys: their rows are found in one pass over the key
    // column, which makes no string for the millions of rows that no claim names.
    const keys = new Set<string>(leases.keys());
    for (const key of consumed) keys.add(key);
    table.column(keyIndex).forEachKeyRow(keys, (row, key) => {
      if (consumed.has(key)) {
        rows[row] = TAKEN;
        return;
      }
      const holders = leases.get(key);
      if (holders !== undefined) rows[row] = holders.every((h) => h.shared) ? SHARED : TAKEN;
    });
    states = rows;
    byTable.set(table, states);
  }
  return states;
}
