import { canComplete, type CoverageModel } from './coverage-model.js';
import { shuffle, type SeededRandom } from './seeded-random.js';
import { setTuple, tupleOf, type TupleSpace } from './tuple-space.js';

/** How hard the greedy construction looks for each row. */
export interface GreedyOptions {
  /** Candidate rows built per row kept (AETG's M); the one covering most new tuples wins. */
  candidates: number;
  /** Rows already kept: only what they leave uncovered is built for, and they come first. */
  from?: Int32Array[];
}

/**
 * Builds rows one at a time until every required tuple is covered
 * (AETG-style): each row starts from an uncovered tuple of the combo with
 * the most uncovered tuples, then fixes the other attributes in a random
 * order, each to the level that covers most new tuples with the levels
 * already fixed (ties to the higher priority, then at random). With
 * clauses, a level is kept only if the row can still be completed
 * without breaking one, so every row is valid.
 */
export function greedyRows(
  model: CoverageModel,
  space: TupleSpace,
  random: SeededRandom,
  options: GreedyOptions,
): Int32Array[] {
  const covered = new Uint8Array(space.total);
  const uncoveredIn = new Int32Array(space.combos.length);
  let uncovered = 0;
  space.combos.forEach((combo, c) => {
    for (let t = 0; t < combo.size; t++) {
      if (space.required[combo.offset + t]) uncoveredIn[c]!++;
      else covered[combo.offset + t] = 1;
    }
    uncovered += uncoveredIn[c]!;
  });
  const rows: Int32Array[] = [];
  for (const row of options.from ?? []) {
    for (let c = 0; c < space.combos.length; c++) {
      const index = tupleOf(space.combos[c]!, row);
      if (!covered[index]) {
        covered[index] = 1;
        uncoveredIn[c]!--;
        uncovered--;
      }
    }
    rows.push(row);
  }
  while (uncovered > 0) {
    let best: Int32Array | null = null;
    let bestGain = -1;
    for (let m = 0; m < options.candidates; m++) {
      const row = candidateRow(model, space, covered, uncoveredIn, random);
      const gain = newTuples(space, covered, row);
      if (gain > bestGain) {
        best = row;
        bestGain = gain;
      }
    }
    for (let c = 0; c < space.combos.length; c++) {
      const index = tupleOf(space.combos[c]!, best!);
      if (!covered[index]) {
        covered[index] = 1;
        uncoveredIn[c]!--;
        uncovered--;
      }
    }
    rows.push(best!);
  }
  return rows;
}

function newTuples(space: TupleSpace, covered: Uint8Array, row: Int32Array): number {
  let gain = 0;
  for (const combo of space.combos) if (!covered[tupleOf(combo, row)]) gain++;
  return gain;
}

function candidateRow(
  model: CoverageModel,
  space: TupleSpace,
  covered: Uint8Array,
  uncoveredIn: Int32Array,
  random: SeededRandom,
): Int32Array {
  const k = model.sizes.length;
  const row = new Int32Array(k).fill(-1);
  const fixed = new Int32Array(space.combos.length);
  const fix = (a: number): void => {
    for (const c of space.combosOf[a]!) fixed[c]!++;
  };
  // Start from an uncovered tuple of the neediest combo, chosen at random among equals.
  let start = 0;
  let most = -1;
  let ties = 0;
  for (let c = 0; c < uncoveredIn.length; c++) {
    const count = uncoveredIn[c]!;
    if (count > most) {
      most = count;
      start = c;
      ties = 1;
    } else if (count === most && random.below(++ties) === 0) start = c;
  }
  const combo = space.combos[start]!;
  const from = random.below(combo.size);
  for (let i = 0; i < combo.size; i++) {
    const t = (from + i) % combo.size;
    if (!covered[combo.offset + t]) {
      setTuple(combo, t, row);
      break;
    }
  }
  for (const a of combo.attributes) fix(a);
  const rest = shuffle(
    Array.from({ length: k }, (_, a) => a).filter((a) => row[a]! < 0),
    random,
  );
  const need = space.strength - 1;
  for (const a of rest) {
    const size = model.sizes[a]!;
    const gains = new Float64Array(size);
    const combos = space.combosOf[a]!;
    for (let j = 0; j < combos.length; j++) {
      const c = combos[j]!;
      if (fixed[c] !== need) continue;
      let base = space.offsets[c]!;
      let stride = 0;
      for (let i = c * space.strength, end = i + space.strength; i < end; i++) {
        const b = space.flatAttributes[i]!;
        if (b === a) stride = space.flatStrides[i]!;
        else base += row[b]! * space.flatStrides[i]!;
      }
      for (let v = 0; v < size; v++) if (!covered[base + v * stride]) gains[v]!++;
    }
    const rank = model.rank[a]!;
    const order = shuffle(
      Array.from({ length: size }, (_, v) => v),
      random,
    ).sort((x, y) => gains[y]! - gains[x]! || rank[x]! - rank[y]!);
    for (const v of order) {
      row[a] = v;
      if (model.clauses.length === 0 || canComplete(model, row)) break;
    }
    fix(a);
  }
  return row;
}
