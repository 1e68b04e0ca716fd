import type { RowValues } from '../model/block-version.js';
import type { ClaimState, LeaseHolder } from '../model/job-record.js';
import type { FindClass } from './find-classes.js';
import type { Gathered } from './gather-in-store.js';
import { countRows, firstRows, forEachRow } from '../data-block/row-bits.js';
import { claimedRows, FREE, SHARED, TAKEN } from './claimed-rows.js';
import { qualifyingRowsOf } from './qualifying-rows-of.js';
import type { RowUniverse } from './row-universe.js';

/** The claims on one block's rows, keyed by the row's key alone (no id to build per row). */
export interface BlockClaims {
  leases: Map<string, LeaseHolder[]>;
  consumed: Set<string>;
}

const NO_CLAIMS: BlockClaims = { leases: new Map(), consumed: new Set() };

/** Splits a claim state by block, once per plan. */
export function claimsByBlock(claims: ClaimState): (block: string) => BlockClaims {
  const split = new Map<string, BlockClaims>();
  const of = (id: string) => {
    const cut = id.indexOf('\u0000');
    const block = id.slice(0, cut);
    let entry = split.get(block);
    if (entry === undefined) {
      entry = { leases: new Map(), consumed: new Set() };
      split.set(block, entry);
    }
    return { entry, key: id.slice(cut + 1) };
  };
  for (const [id, holders] of claims.leases) {
    const { entry, key } = of(id);
    entry.leases.set(key, holders);
  }
  for (const id of claims.consumed.keys()) {
    const { entry, key } = of(id);
    entry.consumed.add(key);
  }
  return (block) => split.get(block) ?? NO_CLAIMS;
}

/** How {@link scanCandidates} looks. */
export interface ScanOptions {
  /** Stop after this many: all the matching needs. */
  limit: number;
  /**
   * Rows the store already found free for the class: only these are
   * scanned, and their leases not checked again, since the store read them
   * later than the claim state.
   */
  gathered?: Gathered | undefined;
  /** The id of row 0 of the class's table, when its block has a range of ids in the universe. */
  start?: number | undefined;
}

/**
 * The first `limit` rows a class may receive, in its order: rows that match
 * its find, are not consumed, and are not held against it (an exclusive test
 * needs a row nobody holds; a read-only test shares with read-only holders).
 * Stops at `limit`, which is all the matching needs.
 *
 * Rows the store gathered come as values; otherwise the class's
 * qualifying rows come as a bitset ({@link qualifyingRowsOf}), their claims
 * as a byte per row ({@link claimedRows}), and when `start` is given its
 * candidates' ids are `start + index`, with no lookup per row.
 */
export function scanCandidates(
  cls: FindClass,
  claims: BlockClaims,
  universe: RowUniverse,
  options: ScanOptions,
): ArrayLike<number> {
  const { limit, gathered, start } = options;
  if (gathered !== undefined) return scanGathered(cls, gathered, universe, limit);
  const { table, keyIndex } = cls.source;
  const qualifying = qualifyingRowsOf(cls);
  const states = claimedRows(claims, table, keyIndex);
  // A read-only test shares a row with read-only holders; an exclusive one needs a row nobody holds.
  const held = cls.readOnly ? TAKEN : SHARED;
  if (cls.order === null && start !== undefined)
    return firstRows(qualifying, { limit, states, below: held, offset: start });
  const candidates: number[] = [];
  const take = (row: number): boolean => {
    if (states === null || (states[row] as number) < held)
      candidates.push(
        start === undefined
          ? universe.idOf(cls.source, table.row(row), String(table.column(keyIndex).valueAt(row)))
          : start + row,
      );
    return candidates.length >= limit;
  };
  if (cls.order === null) {
    forEachRow(qualifying, take);
    return candidates;
  }
  const order = cls.order;
  const rows: Array<{ row: number; values: RowValues }> = [];
  forEachRow(qualifying, (row) => {
    rows.push({ row, values: table.row(row) });
    return false;
  });
  rows.sort((a, b) => order(a.values, b.values));
  for (const { row } of rows) if (take(row)) break;
  return candidates;
}

/**
 * The first `limit` of the free rows a store gathered for a class, in its
 * order. The store filtered them with the find's own semantics, and may
 * have left out the cells the find reads: they are not tested again.
 */
function scanGathered(
  cls: FindClass,
  gathered: Gathered,
  universe: RowUniverse,
  limit: number,
): number[] {
  const candidates: number[] = [];
  const take = (row: RowValues): boolean => {
    candidates.push(universe.idOf(cls.source, row, String(row[cls.source.keyIndex])));
    return candidates.length >= limit;
  };
  if (cls.order === null) {
    for (const row of gathered.rows) if (take(row)) break;
    return candidates;
  }
  const qualifying = [...gathered.rows];
  qualifying.sort(cls.order);
  for (const row of qualifying) if (take(row)) break;
  return candidates;
}

/** How a class's find fares against the block, for reasons and forecasts. */
export interface FindCensus {
  qualifying: number;
  consumed: number;
  /** Rows held against the class, by holding job. */
  leasedBy: Map<number, number>;
  free: number;
}

/** The rows a census counts instead of the whole block. */
export interface CensusRows {
  /** Rows tested against the find. */
  rows: readonly RowValues[];
  /** Keys of rows known to qualify (the store filtered them), counted without their values. */
  qualifyingKeys: readonly string[];
}

/**
 * Counts every qualifying row among `rows` (by default the whole block: a
 * full scan, only for failures and dry runs).
 */
export function censusOf(cls: FindClass, claims: BlockClaims, rows?: CensusRows): FindCensus {
  const census: FindCensus = { qualifying: 0, consumed: 0, leasedBy: new Map(), free: 0 };
  // Called once per qualifying row of a large block (a forecast scans every row): no allocation per row.
  const count = (key: string) => {
    census.qualifying++;
    if (claims.consumed.has(key)) {
      census.consumed++;
      return;
    }
    const holders = claims.leases.get(key);
    const first =
      holders === undefined
        ? undefined
        : cls.readOnly
          ? holders.find((h) => !h.shared)
          : holders[0];
    if (first === undefined) census.free++;
    else census.leasedBy.set(first.jobId, (census.leasedBy.get(first.jobId) ?? 0) + 1);
  };
  if (rows !== undefined) {
    for (const row of rows.rows) if (cls.matches(row)) count(String(row[cls.source.keyIndex]));
    for (const key of rows.qualifyingKeys) count(key);
    return census;
  }
  const { table, keyIndex } = cls.source;
  const qualifying = qualifyingRowsOf(cls);
  const states = claimedRows(claims, table, keyIndex);
  if (states === null) {
    // Nothing held or consumed: every qualifying row is free, and no key is read.
    census.qualifying = countRows(qualifying);
    census.free = census.qualifying;
    return census;
  }
  // A row no claim names is free: only the claimed rows' keys are read and looked up.
  const column = table.column(keyIndex);
  forEachRow(qualifying, (row) => {
    if (states[row] === FREE) {
      census.qualifying++;
      census.free++;
    } else count(String(column.valueAt(row)));
    return false;
  });
  return census;
}
