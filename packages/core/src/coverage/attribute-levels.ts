import { toNumber } from '../find/to-number.js';
import type { Value } from '../model/block-version.js';
import type {
  AttributeRange,
  AttributeValue,
  DeterminingAttribute,
} from './determining-attribute.js';

/**
 * The label of a value or range, the key that priorities, group-by
 * criteria and rule values name it by: `String(value)` for a value,
 * `min..max` for a range.
 */
export function levelLabel(level: AttributeValue | AttributeRange): string {
  if (typeof level === 'object') return `${String(level.minValue)}..${String(level.maxValue)}`;
  return String(level);
}

/** The labels of an attribute's levels, in its own order. */
export function attributeLabels(attribute: DeterminingAttribute): string[] {
  return attribute.values.map((level) => levelLabel(level));
}

/**
 * Whether a data block cell falls in a level: equality as finds read it
 * for values (`"1"` is 1, `"true"` is true), both bounds included for ranges.
 */
export function cellInLevel(
  cell: Value | undefined,
  level: AttributeValue | AttributeRange,
  dataType: DeterminingAttribute['dataType'],
): boolean {
  if (cell === null || cell === undefined || cell === '') return false;
  if (typeof level === 'object') {
    const read = dataType === 'DATE' ? dateOf : toNumber;
    const at = read(cell);
    return at >= read(level.minValue) && at <= read(level.maxValue);
  }
  if (typeof level === 'number') return toNumber(cell) === level;
  if (typeof level === 'boolean') return String(cell).toLowerCase() === String(level);
  return String(cell) === level;
}

/** Milliseconds of an ISO date cell, NaN for anything else (which falls in no range). */
export function dateOf(cell: Value | undefined): number {
  return typeof cell === 'string' ? Date.parse(cell) : NaN;
}
