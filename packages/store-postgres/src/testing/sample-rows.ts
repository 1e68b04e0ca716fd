import type { RowValues } from '@allot/core';

/** Columns of {@link SAMPLE_ROWS}: `id` is the key. */
export const SAMPLE_COLUMNS = ['id', 'a', 'b', 'c'];

/**
 * Rows that must come back from the store exactly as they went in: strings
 * of every shape (empty, unicode, escapes, text that looks like JSON, an
 * array literal or a number), numbers of every shape, booleans, nulls, rows
 * of strings only (stored without kinds) and rows shorter than the columns.
 */
export const SAMPLE_ROWS: RowValues[] = [
  ['r0', 'plain', 'active', 'DE'],
  ['r1', '', ' ', '  padded  '],
  ['r2', 'Straße', '日本語', '😀 emoji and \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}'],
  ['r3', 'quote " and \\ backslash', "it's", 'line\nbreak\ttab\r'],
  ['r4', '\u2028\u2029', '\u0001 control', 'ñ combining n\u0303'],
  ['r5', 'null', 'true', 'false'],
  ['r6', '1', '1e21', '-0.5'],
  ['r7', '[1,2]', '{"a":1}', '{a,b}'],
  ['r8', 'NULL', '{', '"'],
  ['r9', 0, -1, 1.5],
  ['r10', -0.5, 0.1, 1e21],
  ['r11', 1e-7, 123456789.123, 5e-324],
  ['r12', 1.7976931348623157e308, -1e300, 2 ** 53 + 2],
  ['r13', true, false, null],
  ['r14', null, null, null],
  ['r15', 'mixed', 100, true],
  ['r16', '', null, ''],
  ['r17'],
  ['r18', 'short'],
  ['r19', 42],
  [20, 'a number as the key', false, 'x'],
];
