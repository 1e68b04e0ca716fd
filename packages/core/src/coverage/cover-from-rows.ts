import type { RowObject } from '../model/block-version.js';
import { cellInLevel } from './attribute-levels.js';
import { MAX_STRENGTH, type CoverageCombination } from './calculate-coverage.js';
import { CoverageInputError } from './coverage-input-error.js';
import { breaksClause, compileCoverageModel, type CoverageInput } from './coverage-model.js';
import { setTuple, tupleSpace, type TupleSpace } from './tuple-space.js';

/** The rows chosen to cover what existing data can cover, and what it cannot. */
export interface ExistingCoverage {
  strength: number;
  /** Indexes of the chosen rows in the given list, in the order chosen (most new tuples first). */
  rows: number[];
  /** t-way tuples a valid combination can hold. */
  tuplesRequired: number;
  /** Of those, the ones some usable row holds: the chosen rows hold them all. */
  tuplesCovered: number;
  /** The required tuples no usable row holds, as attribute name → value or range. */
  missing: CoverageCombination[];
  /** Indexes of rows left out because they break a business rule or group-by. */
  excluded: number[];
}

/**
 * When no rows may be made: chooses the fewest existing rows (greedy set
 * cover, which is within a log factor of the fewest) that hold every
 * t-way tuple the data holds, and lists the tuples no row has. A row's
 * level for an attribute is read from the attribute's source column (its
 * name when it has no source); a row whose cell falls in no level holds no
 * tuple with that attribute. Rows that break a rule or group-by are left out.
 *
 * @throws CoverageInputError `INVALID_INPUT` for a strength outside 1–6, or input the model refuses
 */
export function coverFromRows(
  input: CoverageInput,
  rows: readonly RowObject[],
  options: { strength?: number } = {},
): ExistingCoverage {
  const asked = options.strength ?? 2;
  if (!(Number.isInteger(asked) && asked >= 1 && asked <= MAX_STRENGTH)) {
    throw new CoverageInputError(
      'strength',
      `expected an integer from 1 to ${MAX_STRENGTH}, got ${String(asked)}`,
    );
  }
  const model = compileCoverageModel(input);
  const strength = Math.min(asked, model.sizes.length);
  const space = tupleSpace(model, strength);
  const excluded: number[] = [];
  const held: Int32Array[] = rows.map((row, r) => {
    const levels = Int32Array.from(model.attributes, (attribute) => {
      const cell = row[attribute.source?.attribute ?? attribute.name];
      return attribute.values.findIndex((level) => cellInLevel(cell, level, attribute.dataType));
    });
    if (breaksClause(model.clauses, levels)) {
      excluded.push(r);
      return new Int32Array(0);
    }
    return tuplesOf(space, levels);
  });
  const covered = new Uint8Array(space.total);
  const chosen = greedyCover(held, covered);
  let tuplesCovered = 0;
  const missing: CoverageCombination[] = [];
  const scratch = new Int32Array(model.sizes.length);
  for (const combo of space.combos) {
    for (let t = 0; t < combo.size; t++) {
      if (!space.required[combo.offset + t]) continue;
      if (covered[combo.offset + t]) {
        tuplesCovered++;
        continue;
      }
      setTuple(combo, t, scratch);
      missing.push(
        Object.fromEntries(
          combo.attributes.map((a) => [
            model.attributes[a]!.name,
            model.attributes[a]!.values[scratch[a]!]!,
          ]),
        ),
      );
    }
  }
  return {
    strength,
    rows: chosen,
    tuplesRequired: space.requiredCount,
    tuplesCovered,
    missing,
    excluded,
  };
}

/** The required tuples a row's levels hold (-1 = no level: no tuple with that attribute). */
function tuplesOf(space: TupleSpace, levels: Int32Array): Int32Array {
  const tuples: number[] = [];
  for (const combo of space.combos) {
    let index = combo.offset;
    let complete = true;
    for (let i = 0; i < combo.attributes.length; i++) {
      const level = levels[combo.attributes[i]!]!;
      if (level < 0) {
        complete = false;
        break;
      }
      index += level * combo.strides[i]!;
    }
    if (complete && space.required[index]) tuples.push(index);
  }
  return Int32Array.from(tuples);
}

/**
 * Lazy greedy set cover: a row's gain only falls as others are chosen, so
 * a stale gain is an upper bound; a row is taken when its fresh gain still
 * tops every stale one. Ties go to the earlier row.
 */
function greedyCover(held: Int32Array[], covered: Uint8Array): number[] {
  const heap = new GainHeap();
  held.forEach((tuples, r) => {
    if (tuples.length > 0) heap.push(tuples.length, r);
  });
  const chosen: number[] = [];
  while (heap.size > 0) {
    const [, r] = heap.pop();
    const tuples = held[r]!;
    let gain = 0;
    for (const t of tuples) if (!covered[t]) gain++;
    if (gain === 0) continue;
    if (heap.size > 0 && heap.beats(gain, r) === false) {
      heap.push(gain, r);
      continue;
    }
    for (const t of tuples) covered[t] = 1;
    chosen.push(r);
  }
  return chosen;
}

/** A max-heap of (gain, row), the lower row first among equal gains. */
class GainHeap {
  private readonly items: Array<[number, number]> = [];

  get size(): number {
    return this.items.length;
  }

  push(gain: number, row: number): void {
    const items = this.items;
    items.push([gain, row]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): [number, number] {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.above(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.above(items[right]!, items[best]!)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }

  /** Whether (gain, row) ranks at least as high as the current top. */
  beats(gain: number, row: number): boolean {
    return !this.above(this.items[0]!, [gain, row]);
  }

  private above(a: [number, number], b: [number, number]): boolean {
    return a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
}
