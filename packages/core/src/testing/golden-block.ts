import type { ExportInput } from '../exports/export-input.js';
import type { Value } from '../model/block-version.js';

/**
 * The block every golden export file is written from: an assembled
 * enrollment (a subscriber and a dependant per combination, the record type
 * from the workset step) whose cells also carry what breaks writers:
 * formulas, quotes, every format's delimiters, markup, line breaks, tabs,
 * non-Latin and astral characters, numbers, booleans and nulls.
 */
export const GOLDEN_COLUMNS = [
  'record_type',
  'subscriber_id',
  'relationship',
  'member_id',
  'last_name',
  'first_name',
  'ssn',
  'birth_date',
  'gender',
  'state',
  'plan_code',
  'coverage_start',
  'note',
  'amount',
  'active',
];

export const GOLDEN_ROWS: Value[][] = [
  [
    'S',
    'S001',
    'self',
    'M1',
    'Ångström',
    'Zoë',
    '123-45-6789',
    '1980-02-29',
    'female',
    'GA',
    'GOLD',
    '2026-01-01',
    '=1+1',
    -12.5,
    true,
  ],
  [
    'D',
    'S001',
    'spouse',
    'M2',
    'O\'Brien, "Jr" | x',
    'Bob*~:^',
    null,
    '19790101',
    'M',
    'GA',
    'GOLD',
    '20260101',
    'line\r\nbreak <b>&amp;</b>',
    3,
    false,
  ],
  [
    'S',
    'S002',
    '18',
    'M3',
    '山田 🍣',
    '太郎',
    '987654321',
    'not a date',
    'U',
    'CA',
    'SILVER',
    null,
    '\ttab',
    null,
    null,
  ],
  [
    'D',
    'S002',
    'child',
    'M4',
    '-x',
    '@SUM(A1)',
    null,
    '2015-07-04',
    'F',
    'CA',
    'SILVER',
    '2026-02-01',
    "'; DROP TABLE t; --",
    0.5,
    '-3e5',
  ],
];

/** The golden block as an export input; its rows are read afresh on every call. */
export function goldenBlock(): ExportInput {
  return { block: 'golden_workset', version: '1.1', columns: GOLDEN_COLUMNS, rows: GOLDEN_ROWS };
}
