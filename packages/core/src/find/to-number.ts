import type { Value } from '../model/block-version.js';

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const LOWER_CASE = 0x20;
/** `x`, `o`, `b`: the letters of `0x10`, `0o7`, `0b1`, which are not data. */
const RADIX_LETTERS = [120, 111, 98];

/**
 * A cell as a finite number, or NaN when it is not one. Strings must be plain
 * decimals (`100`, `-1.5`, `1e3`): `Number()` alone would also turn `""`,
 * spaces and `0x10` into numbers. Booleans and null are never numbers.
 * Runs once per row in finds, so it checks characters instead of using a regex.
 */
export function toNumber(cell: Value | undefined): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || cell.length === 0) return NaN;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if (!(isDigit(first) || first === PLUS || first === MINUS || first === DOT)) return NaN;
  if (!(isDigit(last) || last === DOT)) return NaN;
  if (first === ZERO && cell.length > 2 && isRadixLetter(cell.charCodeAt(1))) return NaN;
  const number = Number(cell);
  return Number.isFinite(number) ? number : NaN;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isRadixLetter(code: number): boolean {
  return RADIX_LETTERS.includes(code | LOWER_CASE);
}
