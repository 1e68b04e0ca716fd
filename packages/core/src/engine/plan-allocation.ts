import type { FindClass, Resolved } from './find-classes.js';
import type { Gathered } from './gather-in-store.js';
import { matchClasses } from './match-classes.js';
import { RowUniverse, type UniverseRow } from './row-universe.js';
import { scanCandidates, type BlockClaims } from './scan-candidates.js';

/** The rows the matching gave each test; tests absent from `rows` got none. */
export interface Allocation {
  rows: Map<Resolved, UniverseRow[]>;
  /** Rows each class received in total. */
  matched: Map<FindClass, number>;
}

/** Rows a class asks of the matching: exclusive tests add up, read-only tests share. */
export function demandOf(cls: FindClass): number {
  const counts = cls.tests.map((t) => t.test.count);
  return cls.readOnly ? Math.max(...counts) : counts.reduce((a, b) => a + b, 0);
}

/**
 * How many of the rows a class received it can use: whole tests only, the
 * smaller ones first (so the most tests are satisfied).
 */
function usable(cls: FindClass, received: number): number {
  const counts = cls.tests.map((t) => t.test.count).sort((a, b) => a - b);
  if (cls.readOnly) return counts.filter((c) => c <= received).at(-1) ?? 0;
  let used = 0;
  for (const count of counts) {
    if (used + count > received) break;
    used += count;
  }
  return used;
}

/** Options of {@link planAllocation}. */
export interface PlanOptions {
  /** Called after each class's candidates are found, with the count done. */
  onClass?: (done: number) => void;
  /** Rows the store gathered for some classes. */
  gathered?: ReadonlyMap<FindClass, Gathered> | undefined;
}

/**
 * Assigns rows to every class of the bundle by maximum matching. A test
 * needing n rows takes n slots; rows a class cannot use (a test half
 * served) are handed back and the matching runs again, so they can serve
 * another class.
 */
export function planAllocation(
  classes: readonly FindClass[],
  claimsOf: (block: string) => BlockClaims,
  options: PlanOptions = {},
): Allocation {
  const onClass = options.onClass ?? (() => undefined);
  const universe = new RowUniverse();
  const demands = classes.map(demandOf);
  const total = demands.reduce((a, b) => a + b, 0);
  const candidates = classes.map((cls, index) => {
    const claimsOfBlock = claimsOf(cls.source.block.block);
    const found = scanCandidates(cls, claimsOfBlock, universe, {
      limit: total,
      gathered: options.gathered?.get(cls),
    });
    onClass(index + 1);
    return found;
  });
  let assigned: number[][] = [];
  for (let round = 0; round < 8; round++) {
    assigned = matchClasses(
      classes.map((_, i) => ({
        demand: demands[i] as number,
        candidates: candidates[i] as number[],
      })),
    );
    let changed = false;
    classes.forEach((cls, i) => {
      const keep = usable(cls, (assigned[i] as number[]).length);
      if (keep < (assigned[i] as number[]).length) {
        demands[i] = keep;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return distribute(classes, assigned, universe);
}

function distribute(
  classes: readonly FindClass[],
  assigned: number[][],
  universe: RowUniverse,
): Allocation {
  const allocation: Allocation = { rows: new Map(), matched: new Map() };
  classes.forEach((cls, i) => {
    const rows = (assigned[i] as number[]).map((id) => universe.rows[id] as UniverseRow);
    allocation.matched.set(cls, rows.length);
    const bySize = [...cls.tests].sort((a, b) => a.test.count - b.test.count);
    let next = 0;
    for (const item of bySize) {
      const start = cls.readOnly ? 0 : next;
      if (start + item.test.count > rows.length) continue;
      allocation.rows.set(item, rows.slice(start, start + item.test.count));
      if (!cls.readOnly) next += item.test.count;
    }
  });
  return allocation;
}
