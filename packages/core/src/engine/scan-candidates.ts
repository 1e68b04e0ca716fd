import { rowId, type ClaimState, type RowValues } from '../model.js';
import type { FindClass } from './find-classes.js';
import type { RowUniverse } from './row-universe.js';

/**
 * The first `limit` rows a class may receive, in its order: rows that match
 * its find, are not consumed, and are not held against it (an exclusive test
 * needs a row nobody holds; a read-only test shares with read-only holders).
 * Stops at `limit`, which is all the matching needs.
 */
export function scanCandidates(cls: FindClass, claims: ClaimState, universe: RowUniverse, limit: number): number[] {
  const { rows } = cls.source.block;
  const candidates: number[] = [];
  const take = (row: RowValues): boolean => {
    const key = String(row[cls.source.keyIndex]);
    if (isAvailable(cls, claims, key)) candidates.push(universe.idOf(cls.source, row, key));
    return candidates.length >= limit;
  };
  if (cls.order === null) {
    for (const row of rows) if (cls.matches(row) && take(row)) break;
    return candidates;
  }
  const order = cls.order;
  const qualifying = rows.filter((row) => cls.matches(row));
  qualifying.sort(order);
  for (const row of qualifying) if (take(row)) break;
  return candidates;
}

function isAvailable(cls: FindClass, claims: ClaimState, key: string): boolean {
  const id = rowId(cls.source.block.block, key);
  if (claims.consumed.has(id)) return false;
  const holders = claims.leases.get(id);
  if (holders === undefined) return true;
  return cls.readOnly ? holders.every((h) => h.shared) : false;
}

/** How a class's find fares against the block, for reasons and forecasts. */
export interface FindCensus {
  qualifying: number;
  consumed: number;
  /** Rows held against the class, by holding job. */
  leasedBy: Map<number, number>;
  free: number;
}

/** Counts every qualifying row (a full scan: only for failures and dry runs). */
export function censusOf(cls: FindClass, claims: ClaimState): FindCensus {
  const census: FindCensus = { qualifying: 0, consumed: 0, leasedBy: new Map(), free: 0 };
  for (const row of cls.source.block.rows) {
    if (!cls.matches(row)) continue;
    census.qualifying++;
    const id = rowId(cls.source.block.block, String(row[cls.source.keyIndex]));
    if (claims.consumed.has(id)) {
      census.consumed++;
      continue;
    }
    const against = (claims.leases.get(id) ?? []).filter((h) => !(cls.readOnly && h.shared));
    if (against.length === 0) census.free++;
    const first = against[0];
    if (first !== undefined) census.leasedBy.set(first.jobId, (census.leasedBy.get(first.jobId) ?? 0) + 1);
  }
  return census;
}
