import type { Value } from '../model/block-version.js';
import type { CellTest } from './cell-test.js';
import { toNumber } from './to-number.js';

/**
 * A test that a cell equals any of the operands, with the equality of finds:
 * - null or `""` matches null, a missing cell and `""` (a CSV has no other empty);
 * - a number matches a cell that is that number or a string parsing to it (`"100.0"`);
 * - a boolean matches that boolean or the string `true`/`false` in any case;
 * - a string matches a cell whose `String()` is exactly that string.
 *
 * Operands must be finite numbers; callers check that.
 */
export function matchValues(operands: readonly Value[]): CellTest {
  const only = operands[0];
  if (operands.length === 1 && only !== undefined) return matchValue(only);
  const set = new OperandSet(operands);
  return (cell) => set.has(cell);
}

function matchValue(operand: Value): CellTest {
  if (operand === null || operand === '') return isEmpty;
  if (typeof operand === 'number') return (cell) => toNumber(cell) === operand;
  if (typeof operand === 'boolean') return operand ? isTrue : isFalse;
  const asNumber = canonicalNumber(operand);
  return (cell) => {
    if (typeof cell === 'string') return cell === operand;
    if (typeof cell === 'number') return cell === asNumber;
    return typeof cell === 'boolean' && String(cell) === operand;
  };
}

/** Operands sorted by kind, so one cell is tested with a few hash lookups. */
class OperandSet {
  private readonly strings = new Set<string>();
  private readonly numbers = new Set<number>();
  /** String operands that are how `String()` writes a number, to match number cells. */
  private readonly numberStrings = new Set<number>();
  private readonly empty: boolean;
  private readonly matchesTrue: boolean;
  private readonly matchesFalse: boolean;

  constructor(operands: readonly Value[]) {
    for (const operand of operands) {
      if (typeof operand === 'string' && operand !== '') this.addString(operand);
      if (typeof operand === 'number') this.numbers.add(operand);
    }
    this.empty = operands.includes(null) || operands.includes('');
    this.matchesTrue = operands.includes(true) || this.strings.has('true');
    this.matchesFalse = operands.includes(false) || this.strings.has('false');
  }

  has(cell: Value | undefined): boolean {
    if (cell === null || cell === undefined || cell === '') return this.empty;
    if (typeof cell === 'number') return this.numbers.has(cell) || this.numberStrings.has(cell);
    if (typeof cell === 'boolean') return cell ? this.matchesTrue : this.matchesFalse;
    if (this.strings.has(cell)) return true;
    if (this.numbers.size > 0 && this.numbers.has(toNumber(cell))) return true;
    return (this.matchesTrue && isTrue(cell)) || (this.matchesFalse && isFalse(cell));
  }

  private addString(operand: string): void {
    this.strings.add(operand);
    const asNumber = canonicalNumber(operand);
    if (!Number.isNaN(asNumber)) this.numberStrings.add(asNumber);
  }
}

/** The number whose `String()` is exactly `text`, else NaN (which equals nothing). */
function canonicalNumber(text: string): number {
  const number = toNumber(text);
  return String(number) === text ? number : NaN;
}

function isEmpty(cell: Value | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}

function isTrue(cell: Value | undefined): boolean {
  return cell === true || (typeof cell === 'string' && equalsLowerCase(cell, 'true'));
}

function isFalse(cell: Value | undefined): boolean {
  return cell === false || (typeof cell === 'string' && equalsLowerCase(cell, 'false'));
}

/** Case-insensitive equality with an ASCII lower-case word, without allocating a lowered copy. */
function equalsLowerCase(text: string, word: string): boolean {
  if (text.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if ((text.charCodeAt(i) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}
