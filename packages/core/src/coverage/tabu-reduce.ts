import { breaksClause, type CoverageModel } from './coverage-model.js';
import type { SeededRandom } from './seeded-random.js';
import { tupleOf, type TupleSpace } from './tuple-space.js';
import { UncoveredSet } from './uncovered-set.js';

/** How long the search may run: a count of moves, so a seed gives the same rows on any machine. */
export interface TabuOptions {
  moves: number;
  /**
   * Moves without reaching a smaller covering set after which the search
   * stops early (at least as many moves as the last success took).
   */
  patience: number;
  /**
   * Moves the search has to first do better than its start, after which
   * {@link patience} applies (default: patience). A start it cannot better
   * within a short opening is taken as settled: the orbit construction's
   * often is, and a cold process pays dearly for every move spent on it.
   */
  opening?: number;
  /** Rows the search need not go below (a proven minimum, or a target asked for): it stops there. */
  floor: number;
  /** Moves for which a changed cell may not change again. */
  tenure: number;
  /** A `Date.now()` past which the search stops with what it has, whatever moves are left. */
  deadline?: number;
}

/**
 * Shrinks a covering set of rows by local search (after Nurmela's tabu
 * search for covering arrays): drop the row that covers fewest tuples
 * alone, then, while some required tuple is uncovered, pick one at random
 * and make the single-cell change that covers it and leaves the fewest
 * tuples uncovered (ties at random, recently changed cells held back).
 * Each time nothing is left uncovered the rows are kept and one more is
 * dropped. Changes that would break a rule or group-by are never made.
 *
 * @returns the smallest covering set found (the input when none smaller is)
 */
export function tabuReduce(
  model: CoverageModel,
  space: TupleSpace,
  start: Int32Array[],
  random: SeededRandom,
  options: TabuOptions,
): Int32Array[] {
  if (start.length <= options.floor) return start;
  const opening = options.opening ?? options.patience;
  const search = new TabuSearch(model, space, copy(start));
  let best = start;
  let moves = 0;
  let improved = 0;
  while (moves < options.moves && search.rows.length > 1) {
    // Patience grows with the moves the last success took: a search that needed many moves to
    // get here is given as many again before it is judged stuck.
    const patience = best.length < start.length ? Math.max(options.patience, improved) : opening;
    if (moves - improved >= patience) break;
    if (search.uncoveredCount === 0) {
      best = copy(search.rows);
      improved = moves;
      if (best.length <= options.floor) break;
      search.dropWeakestRow();
      continue;
    }
    search.step(random, moves, options.tenure);
    moves++;
    if (pastDeadline(moves, options.deadline)) break;
  }
  if (search.uncoveredCount === 0 && search.rows.length < best.length) best = search.rows;
  return best;
}

function copy(rows: Int32Array[]): Int32Array[] {
  return rows.map((row) => row.slice());
}

/** Whether a deadline has passed, looked at once every 256 moves: the clock costs more than a move. */
export function pastDeadline(moves: number, deadline: number | undefined): boolean {
  return deadline !== undefined && (moves & 255) === 0 && Date.now() > deadline;
}

class TabuSearch {
  readonly rows: Int32Array[];
  private readonly count: Uint16Array;
  /** Uncovered required tuples. */
  private readonly uncovered: UncoveredSet;
  private tabu: Int32Array;
  /** Pairwise only, per attribute: (other attribute, offset, own stride, other's stride) per pair. */
  private pairs: Int32Array[] = [];
  private readonly k: number;
  /** The levels of the tuple a step targets: one buffer, since a step runs millions of times. */
  private readonly levels: Int32Array;

  constructor(
    private readonly model: CoverageModel,
    private readonly space: TupleSpace,
    rows: Int32Array[],
  ) {
    this.rows = rows;
    this.k = model.sizes.length;
    this.levels = new Int32Array(space.strength);
    this.count = new Uint16Array(space.total);
    this.uncovered = new UncoveredSet(space.total, space.requiredCount);
    for (const row of rows) for (const combo of space.combos) this.count[tupleOf(combo, row)]!++;
    for (let i = 0; i < space.total; i++)
      if (space.required[i] && this.count[i] === 0) this.uncovered.add(i);
    this.tabu = new Int32Array(rows.length * this.k).fill(-1);
    if (space.strength === 2) {
      // Plain loops: this runs once per calculation, cold, where array helpers cost most.
      for (let a = 0; a < this.k; a++) {
        const combos = space.combosOf[a]!;
        const pairs = new Int32Array(combos.length * 4);
        for (let j = 0; j < combos.length; j++) {
          const { attributes, offset, strides } = space.combos[combos[j]!]!;
          const mine = attributes[0] === a ? 0 : 1;
          pairs[j * 4] = attributes[1 - mine]!;
          pairs[j * 4 + 1] = offset;
          pairs[j * 4 + 2] = strides[mine]!;
          pairs[j * 4 + 3] = strides[1 - mine]!;
        }
        this.pairs.push(pairs);
      }
    }
  }

  dropWeakestRow(): void {
    let weakest = 0;
    let fewest = Infinity;
    this.rows.forEach((row, r) => {
      let alone = 0;
      for (const combo of this.space.combos) {
        const i = tupleOf(combo, row);
        if (this.count[i] === 1 && this.space.required[i]) alone++;
      }
      if (alone < fewest) {
        fewest = alone;
        weakest = r;
      }
    });
    const [row] = this.rows.splice(weakest, 1);
    for (const combo of this.space.combos) this.decrement(tupleOf(combo, row!));
    this.tabu = new Int32Array(this.rows.length * this.k).fill(-1);
  }

  /** How many required tuples no row covers. */
  get uncoveredCount(): number {
    return this.uncovered.size;
  }

  step(random: SeededRandom, now: number, tenure: number): void {
    const target = this.uncovered.members[random.below(this.uncovered.size)]!;
    const combo = this.combo(target);
    const levels = this.levelsOf(combo, target);
    const { attributes } = combo;
    let bestDelta = Infinity;
    let bestRow = -1;
    let bestAttribute = -1;
    let ties = 0;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r]!;
      let differing = -1;
      let differences = 0;
      for (let i = 0; i < attributes.length; i++) {
        if (row[attributes[i]!] !== levels[i]) {
          differing = i;
          differences++;
        }
      }
      if (differences !== 1) continue;
      const a = attributes[differing]!;
      if (this.tabu[r * this.k + a]! > now) continue;
      const delta = this.delta(row, a, levels[differing]!);
      if (delta === null) continue;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestRow = r;
        bestAttribute = differing;
        ties = 1;
      } else if (delta === bestDelta && random.below(++ties) === 0) {
        bestRow = r;
        bestAttribute = differing;
      }
    }
    if (bestRow < 0) {
      // No row is one change away: rewrite the tuple's cells into a random row, if that stays valid.
      const r = random.below(this.rows.length);
      const row = this.rows[r]!;
      const before = attributes.map((a) => row[a]!);
      const wanted = Array.from(levels);
      attributes.forEach((a, i) => this.change(row, a, wanted[i]!));
      if (breaksClause(this.model.clauses, row))
        attributes.forEach((a, i) => this.change(row, a, before[i]!));
      return;
    }
    const a = attributes[bestAttribute]!;
    this.change(this.rows[bestRow]!, a, levels[bestAttribute]!);
    this.tabu[bestRow * this.k + a] = now + tenure;
  }

  /** The change in uncovered tuples if `row[a]` became `level`; null when that breaks a clause. */
  private delta(row: Int32Array, a: number, level: number): number | null {
    const old = row[a]!;
    if (this.model.clausesOf[a]!.length > 0) {
      row[a] = level;
      const breaks = breaksClause(this.model.clausesOf[a]!, row);
      row[a] = old;
      if (breaks) return null;
    }
    const { required, flatAttributes, flatStrides, offsets, strength } = this.space;
    const count = this.count;
    let delta = 0;
    const pairs = this.pairs[a];
    if (pairs !== undefined) {
      // Pairwise, the hot case: each pair's index is one multiply-add away.
      for (let j = 0; j < pairs.length; j += 4) {
        const base = pairs[j + 1]! + row[pairs[j]!]! * pairs[j + 3]!;
        const self = pairs[j + 2]!;
        const lost = base + old * self;
        const gained = base + level * self;
        if (count[lost] === 1 && required[lost]) delta++;
        if (count[gained] === 0 && required[gained]) delta--;
      }
      return delta;
    }
    const combos = this.space.combosOf[a]!;
    for (let j = 0; j < combos.length; j++) {
      const c = combos[j]!;
      let base = offsets[c]!;
      let stride = 0;
      for (let i = c * strength, end = i + strength; i < end; i++) {
        const b = flatAttributes[i]!;
        if (b === a) stride = flatStrides[i]!;
        else base += row[b]! * flatStrides[i]!;
      }
      const lost = base + old * stride;
      const gained = base + level * stride;
      if (count[lost] === 1 && required[lost]) delta++;
      if (count[gained] === 0 && required[gained]) delta--;
    }
    return delta;
  }

  private change(row: Int32Array, a: number, level: number): void {
    if (row[a] === level) return;
    for (const c of this.space.combosOf[a]!) this.decrement(tupleOf(this.space.combos[c]!, row));
    row[a] = level;
    for (const c of this.space.combosOf[a]!) this.increment(tupleOf(this.space.combos[c]!, row));
  }

  private increment(i: number): void {
    if (this.count[i]!++ === 0 && this.space.required[i]) this.uncovered.remove(i);
  }

  private decrement(i: number): void {
    if (--this.count[i]! === 0 && this.space.required[i]) this.uncovered.add(i);
  }

  /** The combo a flat tuple index falls in (binary search over offsets). */
  private combo(index: number) {
    const { combos } = this.space;
    let low = 0;
    let high = combos.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (combos[mid]!.offset <= index) low = mid;
      else high = mid - 1;
    }
    return combos[low]!;
  }

  /** The levels of tuple `index` of `combo`, in the shared buffer (valid until the next call). */
  private levelsOf(
    combo: { offset: number; strides: ArrayLike<number> },
    index: number,
  ): Int32Array {
    let rest = index - combo.offset;
    const levels = this.levels;
    for (let i = 0; i < combo.strides.length; i++) {
      const stride = combo.strides[i]!;
      levels[i] = Math.floor(rest / stride);
      rest %= stride;
    }
    return levels;
  }
}
