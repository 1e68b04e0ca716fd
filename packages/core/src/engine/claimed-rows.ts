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
    states = new Uint8Array(table.rowCount);
    const { values, codes } = table.column(keyIndex).data;
    const { leases, consumed } = claims;
    // A million rows pass here per plan: no lookup in a set that is empty.
    const anyConsumed = consumed.size > 0;
    for (let row = 0; row < states.length; row++) {
      const key = String(values[codes === null ? row : (codes[row] as number)]);
      if (anyConsumed && consumed.has(key)) {
        states[row] = TAKEN;
        continue;
      }
      const holders = leases.get(key);
      if (holders !== undefined) states[row] = holders.every((h) => h.shared) ? SHARED : TAKEN;
    }
    byTable.set(table, states);
  }
  return states;
}
