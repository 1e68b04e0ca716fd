import { CoverageInputError } from './coverage-input-error.js';
import { canComplete, type CoverageModel } from './coverage-model.js';

/** Tuples past this many are refused rather than tried: their flags alone would take hundreds of MB. */
export const MAX_TUPLES = 50_000_000;

/** One t-subset of the attributes and where its tuples sit in the flat arrays. */
export interface AttributeCombo {
  attributes: number[];
  /** Index of its first tuple. */
  offset: number;
  /** Per attribute, the step of its level in the tuple index. */
  strides: number[];
  /** Tuples of this combo: the product of its attributes' level counts. */
  size: number;
}

/**
 * Every t-way tuple of a model, flat: tuple `offset + Σ level × stride` of
 * a combo. `required` marks the tuples some row breaking no clause can
 * hold; the others are excluded by rules or group-by and need no covering.
 */
export interface TupleSpace {
  strength: number;
  combos: AttributeCombo[];
  /** The combos that include each attribute. */
  combosOf: Int32Array[];
  /** Flat copies of the combos for the hot loops: attribute and stride `i` of combo `c` at `c × t + i`. */
  flatAttributes: Int32Array;
  flatStrides: Int32Array;
  offsets: Int32Array;
  total: number;
  required: Uint8Array;
  requiredCount: number;
}

/**
 * Lays out the t-way tuples of a model and marks the required ones.
 *
 * @throws CoverageInputError `INVALID_INPUT` past {@link MAX_TUPLES} tuples
 */
export function tupleSpace(model: CoverageModel, strength: number): TupleSpace {
  const k = model.sizes.length;
  const combos: AttributeCombo[] = [];
  const lists: number[][] = model.sizes.map(() => []);
  let total = 0;
  for (const attributes of subsets(k, strength)) {
    const strides = attributes.map(() => 0);
    let size = 1;
    for (let i = attributes.length - 1; i >= 0; i--) {
      strides[i] = size;
      size *= model.sizes[attributes[i]!]!;
    }
    for (const a of attributes) lists[a]!.push(combos.length);
    combos.push({ attributes, offset: total, strides, size });
    total += size;
    if (total > MAX_TUPLES) {
      throw new CoverageInputError(
        'strength',
        `${strength}-way coverage of these attributes has over ${MAX_TUPLES} tuples; lower the strength`,
      );
    }
  }
  const required = new Uint8Array(total).fill(1);
  let requiredCount = total;
  if (model.clauses.length > 0) {
    const row = new Int32Array(k).fill(-1);
    for (const combo of combos) {
      for (let t = 0; t < combo.size; t++) {
        setTuple(combo, t, row);
        if (!canComplete(model, row)) {
          required[combo.offset + t] = 0;
          requiredCount--;
        }
      }
      for (const a of combo.attributes) row[a] = -1;
    }
  }
  return {
    strength,
    combos,
    combosOf: lists.map((list) => Int32Array.from(list)),
    flatAttributes: Int32Array.from(combos.flatMap((combo) => combo.attributes)),
    flatStrides: Int32Array.from(combos.flatMap((combo) => combo.strides)),
    offsets: Int32Array.from(combos.map((combo) => combo.offset)),
    total,
    required,
    requiredCount,
  };
}

/** Writes the levels of a combo's tuple `t` (0-based within the combo) into a row. */
export function setTuple(combo: AttributeCombo, t: number, row: Int32Array): void {
  let rest = t;
  for (let i = 0; i < combo.attributes.length; i++) {
    const stride = combo.strides[i]!;
    row[combo.attributes[i]!] = Math.floor(rest / stride);
    rest %= stride;
  }
}

/** The index of the tuple a complete row holds in a combo. */
export function tupleOf(combo: AttributeCombo, row: ArrayLike<number>): number {
  let index = combo.offset;
  for (let i = 0; i < combo.attributes.length; i++)
    index += row[combo.attributes[i]!]! * combo.strides[i]!;
  return index;
}

/** The t-subsets of 0..k-1, in lexicographic order. */
export function* subsets(k: number, t: number): Generator<number[]> {
  if (t > k || t < 1) return;
  const pick = Array.from({ length: t }, (_, i) => i);
  for (;;) {
    yield [...pick];
    let i = t - 1;
    while (i >= 0 && pick[i] === k - t + i) i--;
    if (i < 0) return;
    pick[i]!++;
    for (let j = i + 1; j < t; j++) pick[j] = pick[j - 1]! + 1;
  }
}
