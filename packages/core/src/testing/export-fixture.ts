import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import { collectExport } from '../exports/write-export.js';
import type { ExportChunk } from '../exports/export-input.js';
import type { Value } from '../model/block-version.js';

/** Columns of the block every export test writes. */
export const COLUMNS = ['id', 'name', 'note', 'amount', 'active'];

/**
 * Rows with what breaks writers: formulas, quotes, delimiters of every
 * format, markup, line breaks, tabs, non-Latin and astral characters,
 * numbers, booleans and nulls.
 */
export const ROWS: Value[][] = [
  ['1', 'Zoë Ångström', '=1+1', -12.5, true],
  ['2', '山田 太郎 🍣', '@SUM(A1)', 3, false],
  ['3', 'O\'Brien, "Jr" | x', 'line\r\nbreak <b>&amp;</b>', null, null],
  ['4', '-x', '\ttab', '+1', 'plain'],
  ['5', 'a*b~c:d^e', "'; DROP TABLE t; --", 0.5, '-3e5'],
];

/** Hostile cells and what every formula-safe format must hold instead. */
export const NEUTRALISED: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['-x', "'-x"],
  ['\ttab', "'\ttab"],
];

/** A cell as the text formats write it: null empty, everything through the formula rule. */
export function safe(value: Value): string {
  return formulaSafeCell(value === null ? '' : String(value));
}

/** The rows as a text format must read back: every cell {@link safe}. */
export function safeRows(rows: readonly (readonly Value[])[] = ROWS): string[][] {
  return rows.map((row) => row.map(safe));
}

/** An export's chunks as one UTF-8 string. */
export async function exportText(chunks: AsyncIterable<ExportChunk>): Promise<string> {
  return new TextDecoder().decode(await collectExport(chunks));
}

/** `count` rows made one at a time, counting how many the writer has pulled. */
export function countedRows(count: number, width = COLUMNS.length) {
  const state = { pulled: 0 };
  function* rows(): Generator<Value[]> {
    for (let i = 0; i < count; i++) {
      state.pulled++;
      yield [String(i), `name ${i} ${'x'.repeat(20)}`, `=note ${i}`, i * 1.5, i % 2 === 0].slice(
        0,
        width,
      );
    }
  }
  return { state, rows: rows() };
}
