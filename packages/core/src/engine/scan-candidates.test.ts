import { describe, expect, it } from 'vitest';
import { decodeBlockFile, encodeBlockFile } from '../data-block/block-file.js';
import { ColumnTable } from '../data-block/column-table.js';
import { compileWhere } from '../find/compile-where.js';
import type { RowValues, Value } from '../model/block-version.js';
import type { LeaseHolder } from '../model/job-record.js';
import type { Where } from '../model/pool-definition.js';
import { BlockSource, type FindClass } from './find-classes.js';
import { RowUniverse } from './row-universe.js';
import { censusOf, scanCandidates, type BlockClaims, type FindCensus } from './scan-candidates.js';

/** mulberry32: the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = ['id', 'status', 'score', 'flag', 'note'];
const STATUSES = ['active', 'locked', 'closed', ''];

function makeRows(count: number, next: () => number): RowValues[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => [
    `K-${String(i).padStart(4, '0')}`,
    pick(STATUSES),
    pick<Value>([null, 1, 2.5, '3', '-4', 'x', 10]),
    pick<Value>([true, false, 'TRUE', 'false', null]),
    pick<Value>(['a', 'b', 'ab', null, 7]),
  ]);
}

/** A random where over every kind of condition, nested. */
function makeWhere(next: () => number, depth = 0): Where {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const leaves: Array<() => Where> = [
    () => ({ status: pick(STATUSES) }),
    () => ({ status: { in: [pick(STATUSES), pick(STATUSES)] } }),
    () => ({ status: { ne: pick(STATUSES) } }),
    () => ({ score: { gt: pick([0, 2, 3]) } }),
    () => ({ score: { lte: pick([-4, 2.5, 10]) }, flag: pick([true, false]) }),
    () => ({ flag: { isNull: pick([true, false]) } }),
    () => ({ id: { startsWith: `K-00${Math.floor(next() * 10)}` } }),
    () => ({ id: `K-00${Math.floor(next() * 100)}`.padEnd(6, '0') }),
    () => ({ note: { contains: 'a' } }),
    () => ({}),
  ];
  if (depth >= 2 || next() < 0.5) return pick(leaves)();
  const parts = Array.from({ length: Math.floor(next() * 4) }, () => makeWhere(next, depth + 1));
  return pick<() => Where>([
    () => ({ and: parts }),
    () => ({ or: parts }),
    () => ({ not: parts[0] ?? {} }),
    () => ({ ...pick(leaves)(), or: parts }),
  ])();
}

type Order = FindClass['order'];

function classOf(
  table: ColumnTable,
  where: Where,
  readOnly: boolean,
  order: Order = null,
): FindClass {
  const meta = {
    block: 'b',
    version: '1.0',
    columns: COLUMNS,
    keyColumn: 'id',
    rowCount: table.rowCount,
    origin: 'import' as const,
    parent: null,
    sourceHash: null,
    jobId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    source: new BlockSource('b@1.0', meta, 0, table),
    find: { where },
    description: JSON.stringify(where),
    matches: compileWhere(where, COLUMNS, 'where'),
    order,
    readOnly,
    tests: [],
  };
}

/** The scan as a loop over every row: the find per row, the claims by key. */
function reference(rows: RowValues[], cls: FindClass, claims: BlockClaims, limit: number) {
  const found: number[] = [];
  const indexes = rows.map((_, row) => row);
  const { order } = cls;
  // A stable sort: rows the order ties keep their block order.
  if (order !== null) indexes.sort((a, b) => order(rows[a] as RowValues, rows[b] as RowValues));
  for (const row of indexes) {
    const values = rows[row] as RowValues;
    if (!cls.matches(values)) continue;
    const key = String(values[0]);
    const holders = claims.leases.get(key);
    const free =
      !claims.consumed.has(key) &&
      (holders === undefined || (cls.readOnly && holders.every((h) => h.shared)));
    if (free) found.push(row);
    if (found.length >= limit) break;
  }
  return found;
}

function claimsOn(rows: RowValues[], next: () => number): BlockClaims {
  const claims: BlockClaims = { leases: new Map(), consumed: new Set() };
  for (const row of rows) {
    const key = String(row[0]);
    const roll = next();
    if (roll < 0.05) claims.consumed.add(key);
    else if (roll < 0.15) {
      const holders: LeaseHolder[] = [{ jobId: 1, shared: next() < 0.5 }];
      if (next() < 0.3) holders.push({ jobId: 2, shared: next() < 0.5 });
      claims.leases.set(key, holders);
    }
  }
  return claims;
}

/** The census as a loop over every row: the find per row, each qualifying row's key looked up. */
function referenceCensus(rows: RowValues[], cls: FindClass, claims: BlockClaims): FindCensus {
  const census: FindCensus = { qualifying: 0, consumed: 0, leasedBy: new Map(), free: 0 };
  for (const values of rows) {
    if (!cls.matches(values)) continue;
    census.qualifying++;
    const key = String(values[0]);
    if (claims.consumed.has(key)) {
      census.consumed++;
      continue;
    }
    const holders = claims.leases.get(key) ?? [];
    const first = cls.readOnly ? holders.find((h) => !h.shared) : holders[0];
    if (first === undefined) census.free++;
    else census.leasedBy.set(first.jobId, (census.leasedBy.get(first.jobId) ?? 0) + 1);
  }
  return census;
}

describe('candidate scans', () => {
  it('give the rows a per-row loop gives, for random finds, claims and limits', () => {
    const next = random(7);
    // 1,000 rows: not a multiple of 32, so the last word of every row set is partial.
    for (const count of [1000, 33, 1]) {
      const rows = makeRows(count, next);
      const tables = [
        ColumnTable.fromRows(COLUMNS, rows),
        decodeBlockFile(encodeBlockFile(COLUMNS, rows)),
      ];
      for (let round = 0; round < 40; round++) {
        const where = makeWhere(next);
        const claims =
          next() < 0.3 ? { leases: new Map(), consumed: new Set<string>() } : claimsOn(rows, next);
        const readOnly = next() < 0.5;
        // Some classes order their rows (here by status, then note): the set is sorted, not scanned.
        const order: Order =
          next() < 0.25
            ? (a, b) =>
                String(a[1]).localeCompare(String(b[1])) || String(a[4]).localeCompare(String(b[4]))
            : null;
        const limit = 1 + Math.floor(next() * count * 1.2);
        const expected = reference(
          rows,
          classOf(tables[0] as ColumnTable, where, readOnly, order),
          claims,
          limit,
        );
        const keys = expected.map((row) => String((rows[row] as RowValues)[0]));
        for (const table of tables) {
          const cls = classOf(table, where, readOnly, order);
          const found = scanCandidates(cls, claims, new RowUniverse(), { limit, start: 0 });
          expect(Array.from(found), JSON.stringify({ where, readOnly, limit })).toEqual(expected);
          // Without a range of ids, rows are known by key.
          const universe = new RowUniverse();
          const byKey = scanCandidates(cls, claims, universe, { limit });
          expect(Array.from(byKey, (id) => universe.row(id).key)).toEqual(keys);
        }
      }
    }
  });

  it('give the same rows to a second class with the same conditions, from the sets kept by column', () => {
    const rows = makeRows(200, random(3));
    const table = decodeBlockFile(encodeBlockFile(COLUMNS, rows));
    const claims: BlockClaims = { leases: new Map(), consumed: new Set() };
    const where: Where = { status: 'active', not: { flag: true } };
    const first = scanCandidates(classOf(table, where, false), claims, new RowUniverse(), {
      limit: 500,
      start: 0,
    });
    const again = scanCandidates(classOf(table, where, false), claims, new RowUniverse(), {
      limit: 500,
      start: 0,
    });
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(first)).toEqual(reference(rows, classOf(table, where, false), claims, 500));
  });

  it("count a census as a per-row loop does, reading only the claimed rows' keys", () => {
    const next = random(11);
    for (const count of [1000, 33]) {
      const rows = makeRows(count, next);
      const tables = [
        ColumnTable.fromRows(COLUMNS, rows),
        decodeBlockFile(encodeBlockFile(COLUMNS, rows)),
      ];
      for (let round = 0; round < 30; round++) {
        const where = makeWhere(next);
        const claims =
          next() < 0.3 ? { leases: new Map(), consumed: new Set<string>() } : claimsOn(rows, next);
        const readOnly = next() < 0.5;
        const expected = referenceCensus(
          rows,
          classOf(tables[0] as ColumnTable, where, readOnly),
          claims,
        );
        for (const table of tables)
          expect(censusOf(classOf(table, where, readOnly), claims), JSON.stringify(where)).toEqual(
            expected,
          );
      }
    }
  });
});
