import { classesToWiden } from './candidate-limits.js';
import type { BlockSource, FindClass, Resolved } from './find-classes.js';
import type { Gathered } from './gather-in-store.js';
import { matchClasses } from './match-classes.js';
import { RowUniverse, type UniverseRow } from './row-universe.js';
import { scanCandidates, type BlockClaims } from './scan-candidates.js';

/** The rows the matching gave each test; tests absent from `rows` got none. */
export interface Allocation {
  rows: Map<Resolved, UniverseRow[]>;
  /** Rows each class received in total. */
  matched: Map<FindClass, number>;
  /**
   * Classes whose candidates were cut at their limit where a longer list
   * might serve more slots: the allocation is maximal only when empty.
   */
  widen: FindClass[];
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
  /** Candidates each class takes at most; by default the bundle's whole demand. */
  limits?: ReadonlyMap<FindClass, number> | undefined;
}

/**
 * Assigns rows to every class of the bundle by maximum matching. A test
 * needing n rows takes n slots; rows a class cannot use (a test half
 * served) are handed back and the matching runs again, so they can serve
 * another class. Each class's candidates are cut at its limit: when a
 * matching round might serve more slots with longer lists, the classes to
 * widen are returned in `widen`, and the caller asks again with more.
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
  const ranged = rangedSources(classes, options.gathered);
  const limits = classes.map((cls) => Math.min(total, options.limits?.get(cls) ?? total));
  const candidates = classes.map((cls, index) => {
    const claimsOfBlock = claimsOf(cls.source.block.block);
    const found = scanCandidates(cls, claimsOfBlock, universe, {
      limit: limits[index] as number,
      gathered: options.gathered?.get(cls),
      start: ranged.has(cls.source) ? universe.rangeOf(cls.source) : undefined,
    });
    onClass(index + 1);
    return found;
  });
  // Fewer than its limit is every row the class may get; the bundle's whole demand is as good.
  const complete = candidates.map(
    (c, i) => c.length < (limits[i] as number) || limits[i] === total,
  );
  let assigned: number[][] = [];
  for (let round = 0; round < 8; round++) {
    assigned = matchClasses(
      classes.map((_, i) => ({
        demand: demands[i] as number,
        candidates: candidates[i] as ArrayLike<number>,
      })),
    );
    const widen = classesToWiden(
      classes.map((_, i) => ({
        demand: demands[i] as number,
        candidates: candidates[i] as ArrayLike<number>,
        assigned: assigned[i] as number[],
        complete: complete[i] as boolean,
      })),
    );
    if (widen.length > 0)
      return {
        rows: new Map(),
        matched: new Map(),
        widen: widen.map((i) => classes[i] as FindClass),
      };
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

/**
 * The sources whose rows can be told apart by index alone: the only version
 * of its block the job scans, with no class of that block gathered by the
 * store (gathered rows are known by key, and must meet the same ids).
 */
function rangedSources(
  classes: readonly FindClass[],
  gathered: ReadonlyMap<FindClass, Gathered> | undefined,
): Set<BlockSource> {
  const byBlock = new Map<string, Set<BlockSource> | null>();
  for (const cls of classes) {
    const block = cls.source.block.block;
    const seen = byBlock.get(block);
    if (seen === null) continue;
    if (gathered?.has(cls) === true) byBlock.set(block, null);
    else if (seen === undefined) byBlock.set(block, new Set([cls.source]));
    else seen.add(cls.source);
  }
  const ranged = new Set<BlockSource>();
  for (const sources of byBlock.values()) {
    const [only] = sources ?? [];
    if (only !== undefined && sources?.size === 1) ranged.add(only);
  }
  return ranged;
}

function distribute(
  classes: readonly FindClass[],
  assigned: number[][],
  universe: RowUniverse,
): Allocation {
  const allocation: Allocation = { rows: new Map(), matched: new Map(), widen: [] };
  classes.forEach((cls, i) => {
    const rows = (assigned[i] as number[]).map((id) => universe.row(id));
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
