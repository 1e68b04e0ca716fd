import {
  completingOrbit,
  FREE_LEVEL,
  OrbitScratch,
  type MissingClasses,
} from './completing-orbit.js';
import type { CoverageModel } from './coverage-model.js';
import type { SeededRandom } from './seeded-random.js';
import { pastDeadline, type TabuOptions } from './tabu-reduce.js';
import { UncoveredSet } from './uncovered-set.js';

/**
 * Pairwise rows for a model without rules or group-by, searched with a
 * symmetry (after Meagher and Stevens' group construction of covering
 * arrays): with v the most levels, level v-1 is fixed ("infinity") and
 * the others turn under Z(v-1), so each searched row stands for the v-1
 * rows of its orbit (level + s mod v-1, infinity kept), and one row of
 * infinity completes them. A pair of columns is then covered by classes
 * (a difference of levels, or infinity on one side) rather than by v²
 * tuples, so the search (the same tuple-driven tabu moves as
 * {@link tabuReduce}, over v-1 times fewer cells) settles far sooner.
 * Columns with fewer levels take the searched array's levels past their
 * own modulo their count, which keeps every pair they need.
 *
 * The try with one orbit fewer than the smallest covering usually ends a
 * few classes short. When one more orbit can hold all of them
 * ({@link completingOrbit}), that try plus that orbit is returned rather
 * than the covering the search found: as many rows, but with the cells no
 * missing class needed left free, which the tabu search that follows turns
 * into fewer rows far more readily than a covering the orbit search has
 * already packed tight.
 *
 * @returns the rows of the fewest orbits that covered every pair
 *   (completed as above when they could be); null when the symmetry does
 *   not apply (fewer than 3 levels, or clauses) or nothing covered in time
 */
export function orbitRows(
  model: CoverageModel,
  random: SeededRandom,
  options: TabuOptions,
): Int32Array[] | null {
  const k = model.sizes.length;
  const v = Math.max(...model.sizes);
  if (v < 3 || k < 2 || model.clauses.length > 0) return null;
  const search = new OrbitSearch(k, v - 1, random);
  // Start with twice the orbits one column pair's classes need: loose enough to cover at once.
  search.fill(2 * (v + 1));
  let best: Int32Array[] | null = null;
  // The try with fewer orbits at its fewest uncovered classes that one more orbit covers.
  let completed: Int32Array[] | null = null;
  let completedUncovered = Infinity;
  const scratch = new OrbitScratch(k);
  let moves = 0;
  let improved = 0;
  // Patience in proportion to the classes searched, as the tabu search's is to the tuples.
  const patience = Math.min(options.patience, Math.max(200, search.classCount()));
  while (moves < options.moves) {
    if (moves - improved >= Math.max(patience, improved)) {
      if (best !== null) break;
      // Many attributes need more orbits than the start: add a quarter more until some cover.
      search.fill(Math.ceil(search.orbits.length / 4));
      improved = moves;
    }
    if (search.uncoveredCount === 0) {
      best = search.orbits.map((orbit) => orbit.slice());
      improved = moves;
      if (search.rowCount() - (v - 1) < options.floor || search.orbits.length <= 1) break;
      search.dropWeakest();
      completed = null;
      completedUncovered = Infinity;
      continue;
    }
    search.step(moves, options.tenure);
    moves++;
    if (pastDeadline(moves, options.deadline)) break;
    const uncovered = search.uncoveredCount;
    // Past k classes their differences close cycles that rarely agree, and a cold process pays
    // for every look: only k classes or fewer are looked at.
    if (
      uncovered > 0 &&
      uncovered <= k &&
      uncovered < completedUncovered &&
      search.orbits.length < (best?.length ?? 0)
    ) {
      const orbit = completingOrbit(search.missing(), random, scratch);
      if (orbit !== null) {
        // Progress too: fewer classes for the last orbit to hold leave it more cells free.
        improved = moves;
        completedUncovered = uncovered;
        completed = [...search.orbits.map((kept) => kept.slice()), orbit];
      }
    }
  }
  if (best === null) return null;
  return expand(completed ?? best, model.sizes, v - 1, random);
}

/**
 * The rows of each orbit, and the row of infinity, each level folded into
 * its column's count; a free cell of a completing orbit takes a random
 * level in each row.
 */
function expand(
  orbits: Int32Array[],
  sizes: number[],
  g: number,
  random: SeededRandom,
): Int32Array[] {
  // Plain loops: typed-array helpers taking a map function are slow in a cold process.
  const k = sizes.length;
  const rows: Int32Array[] = [];
  for (const orbit of orbits) {
    for (let s = 0; s < g; s++) {
      const row = new Int32Array(k);
      for (let a = 0; a < k; a++) {
        const level = orbit[a]!;
        row[a] =
          level === FREE_LEVEL
            ? random.below(sizes[a]!)
            : (level === g ? g : (level + s) % g) % sizes[a]!;
      }
      rows.push(row);
    }
  }
  const infinity = new Int32Array(k);
  for (let a = 0; a < k; a++) infinity[a] = g % sizes[a]!;
  rows.push(infinity);
  return rows;
}

class OrbitSearch {
  orbits: Int32Array[] = [];
  /** Per column pair (a < b): g difference classes, then (infinity, finite), then (finite, infinity). */
  private readonly classes: number;
  private readonly count: Uint16Array;
  private readonly uncovered: UncoveredSet;
  private fewest = Infinity;
  private tabu = new Int32Array(0);
  /** Pair index of columns (a, b), a < b, at a × k + b. */
  private readonly pairOf: Int32Array;
  private readonly pairA: Int32Array;
  private readonly pairB: Int32Array;

  constructor(
    private readonly k: number,
    /** The turning levels; level g is infinity. */
    private readonly g: number,
    private readonly random: SeededRandom,
  ) {
    this.classes = g + 2;
    const pairs = (k * (k - 1)) / 2;
    this.pairOf = new Int32Array(k * k);
    this.pairA = new Int32Array(pairs);
    this.pairB = new Int32Array(pairs);
    let p = 0;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        this.pairOf[a * k + b] = p;
        this.pairA[p] = a;
        this.pairB[p++] = b;
      }
    }
    const total = pairs * this.classes;
    this.count = new Uint16Array(total);
    this.uncovered = new UncoveredSet(total);
    for (let i = 0; i < total; i++) this.uncovered.add(i);
  }

  /** How many classes no orbit holds. */
  get uncoveredCount(): number {
    return this.uncovered.size;
  }

  /** The classes no orbit holds, as {@link completingOrbit} reads them. */
  missing(): MissingClasses {
    const { k, g, uncovered, pairA, pairB } = this;
    return { k, g, classes: uncovered.members, count: uncovered.size, pairA, pairB };
  }

  classCount(): number {
    return this.count.length;
  }

  rowCount(): number {
    return this.orbits.length * this.g + 1;
  }

  /** Adds orbits of random levels; cells keep their tabu marks. */
  fill(orbits: number): void {
    for (let r = 0; r < orbits; r++) {
      const orbit = new Int32Array(this.k);
      for (let a = 0; a < this.k; a++) orbit[a] = this.random.below(this.g + 1);
      this.orbits.push(orbit);
      this.account(orbit, 1);
    }
    const tabu = new Int32Array(this.orbits.length * this.k).fill(-1);
    tabu.set(this.tabu);
    this.tabu = tabu;
  }

  /** The class a pair of levels of columns a < b falls in, or -1 for (infinity, infinity). */
  private classOf(low: number, high: number): number {
    const g = this.g;
    if (low < g) return high < g ? (low - high + g) % g : g + 1;
    return high < g ? g : -1;
  }

  /** The class index of columns a and b (either order) holding levels x and y. */
  private index(a: number, x: number, b: number, y: number): number {
    const c = a < b ? this.classOf(x, y) : this.classOf(y, x);
    if (c < 0) return -1;
    const p = a < b ? this.pairOf[a * this.k + b]! : this.pairOf[b * this.k + a]!;
    return p * this.classes + c;
  }

  private account(orbit: Int32Array, sign: 1 | -1): void {
    for (let a = 0; a < this.k; a++) {
      for (let b = a + 1; b < this.k; b++) {
        const i = this.index(a, orbit[a]!, b, orbit[b]!);
        if (i < 0) continue;
        if (sign > 0) this.increment(i);
        else this.decrement(i);
      }
    }
  }

  dropWeakest(): void {
    let weakest = 0;
    let fewest = Infinity;
    this.orbits.forEach((orbit, r) => {
      let alone = 0;
      for (let a = 0; a < this.k; a++) {
        for (let b = a + 1; b < this.k; b++) {
          const i = this.index(a, orbit[a]!, b, orbit[b]!);
          if (i >= 0 && this.count[i] === 1) alone++;
        }
      }
      if (alone < fewest) {
        fewest = alone;
        weakest = r;
      }
    });
    const [orbit] = this.orbits.splice(weakest, 1);
    this.account(orbit!, -1);
    this.tabu = new Int32Array(this.orbits.length * this.k).fill(-1);
    this.fewest = this.uncoveredCount;
  }

  step(now: number, tenure: number): void {
    const { g, k, random, tabu, uncovered } = this;
    const target = uncovered.members[random.below(uncovered.size)]!;
    const p = Math.floor(target / this.classes);
    const c = target % this.classes;
    const a = this.pairA[p]!;
    const b = this.pairB[p]!;
    const free = random.below(g);
    const aspiration = this.fewest - uncovered.size;
    let bestDelta = Infinity;
    let bestRow = -1;
    let bestColumn = -1;
    let bestLevel = -1;
    let ties = 0;
    for (let r = 0; r < this.orbits.length; r++) {
      const orbit = this.orbits[r]!;
      const x = orbit[a]!;
      const y = orbit[b]!;
      // The one-cell changes that make this orbit hold the class: at most two.
      for (let side = 0; side < 2; side++) {
        let column = -1;
        let level = -1;
        if (c < g) {
          if (side === 0 && y < g) {
            column = a;
            level = (y + c) % g;
          } else if (side === 1 && x < g) {
            column = b;
            level = (x - c + g) % g;
          }
        } else {
          // (infinity, finite) for c = g, (finite, infinity) for c = g + 1: put infinity
          // beside a finite level, or a finite level beside infinity.
          const low = c === g;
          const atInfinity = low ? x : y;
          const atFinite = low ? y : x;
          if (side === 0 && atFinite < g) {
            column = low ? a : b;
            level = g;
          } else if (side === 1 && atInfinity === g) {
            column = low ? b : a;
            level = free;
          }
        }
        if (column < 0 || orbit[column] === level) continue;
        const delta = this.delta(orbit, column, level);
        if (tabu[r * k + column]! > now && !(delta < aspiration)) continue;
        if (delta < bestDelta) {
          bestDelta = delta;
          bestRow = r;
          bestColumn = column;
          bestLevel = level;
          ties = 1;
        } else if (delta === bestDelta && random.below(++ties) === 0) {
          bestRow = r;
          bestColumn = column;
          bestLevel = level;
        }
      }
    }
    if (bestRow < 0) return;
    this.change(this.orbits[bestRow]!, bestColumn, bestLevel);
    tabu[bestRow * k + bestColumn] = now + tenure;
    if (uncovered.size < this.fewest) this.fewest = uncovered.size;
  }

  /** The change in uncovered classes if the orbit's column took the level. */
  private delta(orbit: Int32Array, column: number, level: number): number {
    const { count, g, k, pairOf, classes } = this;
    const old = orbit[column]!;
    let delta = 0;
    // Inlined class arithmetic: a cold process runs this in the interpreter, where calls cost most.
    for (let b = 0; b < k; b++) {
      if (b === column) continue;
      const y = orbit[b]!;
      const first = column < b;
      const base = (first ? pairOf[column * k + b]! : pairOf[b * k + column]!) * classes;
      let lost = -1;
      let gained = -1;
      if (y < g) {
        lost =
          old < g ? base + ((first ? old - y + g : y - old + g) % g) : base + (first ? g : g + 1);
        gained =
          level < g
            ? base + ((first ? level - y + g : y - level + g) % g)
            : base + (first ? g : g + 1);
      } else {
        if (old < g) lost = base + (first ? g + 1 : g);
        if (level < g) gained = base + (first ? g + 1 : g);
      }
      if (lost >= 0 && count[lost] === 1) delta++;
      if (gained >= 0 && count[gained] === 0) delta--;
    }
    return delta;
  }

  private change(orbit: Int32Array, column: number, level: number): void {
    for (let b = 0; b < this.k; b++) {
      if (b === column) continue;
      const lost = this.index(column, orbit[column]!, b, orbit[b]!);
      const gained = this.index(column, level, b, orbit[b]!);
      if (lost >= 0) this.decrement(lost);
      if (gained >= 0) this.increment(gained);
    }
    orbit[column] = level;
  }

  private increment(i: number): void {
    if (this.count[i]!++ === 0) this.uncovered.remove(i);
  }

  private decrement(i: number): void {
    if (--this.count[i]! === 0) this.uncovered.add(i);
  }
}
