import type { RowValues } from '../model/block-version.js';

/** The `sequence` generator's settings; see the pool schema for defaults. */
export interface SequenceSpec {
  start?: number;
  step?: number;
  prefix?: string;
  pad?: number;
}

const DIGITS = /^\d+$/;

/**
 * The counters of `sequence` generators over one data block. A counter
 * starts after the largest value the block already holds in that column with
 * the same prefix, so made keys never collide with imported ones; it then
 * keeps counting for every later row, across tests, within this state.
 */
export class SequenceState {
  private readonly last = new Map<string, number>();

  constructor(private readonly table: { columns: string[]; rows: RowValues[] }) {}

  /** The next value: `${prefix}${digits padded to pad}`, or a number when there is neither. */
  next(column: string, spec: SequenceSpec): string | number {
    const { start = 1, step = 1, prefix = '', pad = 0 } = spec;
    const counter = `${column}\u0000${prefix}`;
    const previous = this.last.get(counter);
    const value =
      previous === undefined ? this.first(column, prefix, start, step) : previous + step;
    this.last.set(counter, value);
    if (prefix === '' && pad === 0) return value;
    return `${prefix}${String(value).padStart(pad, '0')}`;
  }

  private first(column: string, prefix: string, start: number, step: number): number {
    const max = this.largestExisting(column, prefix);
    return max === null || max < start ? start : max + step;
  }

  private largestExisting(column: string, prefix: string): number | null {
    const index = this.table.columns.indexOf(column);
    if (index === -1) return null;
    let max: number | null = null;
    for (const row of this.table.rows) {
      const number = sequenceNumber(row[index], prefix);
      if (number !== null && (max === null || number > max)) max = number;
    }
    return max;
  }
}

/** The number in a cell written as prefix + digits (or as a plain integer without a prefix). */
function sequenceNumber(cell: unknown, prefix: string): number | null {
  if (prefix === '' && typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : null;
  if (typeof cell !== 'string' || !cell.startsWith(prefix)) return null;
  const digits = cell.slice(prefix.length);
  if (!DIGITS.test(digits)) return null;
  const number = Number(digits);
  return Number.isSafeInteger(number) ? number : null;
}
