import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { Value } from '../model/block-version.js';

/**
 * A cell as the text formats write it: `null` empty, numbers and booleans
 * as JavaScript prints them, and every cell through the one shared
 * {@link formulaSafeCell} rule.
 */
export function cellText(value: Value): string {
  return formulaSafeCell(value === null ? '' : String(value));
}
