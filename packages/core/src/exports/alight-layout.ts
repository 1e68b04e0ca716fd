import { GENDER_CODES, RELATIONSHIP_CODES } from './member-code.js';

/** How a field of an Alight record is written: text left-aligned, numbers right-aligned. */
export type AlightFieldKind = 'text' | 'number' | 'date';

/** One field of the 2500-byte record: the column it comes from, its 1-based start and its length. */
export interface AlightField {
  column: string;
  start: number;
  length: number;
  kind: AlightFieldKind;
  /** Words written as codes (`female` → `F`), as the 834 writes them. */
  codes?: Readonly<Record<string, string>>;
}

/** Bytes in one record, line break excluded. */
export const ALIGHT_RECORD_BYTES = 2500;

/**
 * The fields of allot's 2500-byte enrollment record, in the style of
 * Alight's fixed-width files (whose own layouts are not public): one
 * record per member, the record type first (from the workset step that
 * produced the row), text left-aligned and space-padded, numbers
 * right-aligned and zero-padded, dates CCYYMMDD; positions past the last
 * field are spaces. A column the block lacks leaves its field blank.
 */
export const ALIGHT_LAYOUT: readonly AlightField[] = layout([
  ['record_type', 2, 'text'],
  ['employer_id', 10, 'text'],
  ['ssn', 9, 'number'],
  ['employee_id', 11, 'text'],
  ['last_name', 35, 'text'],
  ['first_name', 25, 'text'],
  ['middle_name', 1, 'text'],
  ['birth_date', 8, 'date'],
  ['gender', 1, 'text', GENDER_CODES],
  ['relationship', 2, 'text', RELATIONSHIP_CODES],
  ['address_line1', 40, 'text'],
  ['address_line2', 40, 'text'],
  ['city', 30, 'text'],
  ['state', 2, 'text'],
  ['zip', 10, 'text'],
  ['phone', 10, 'number'],
  ['hire_date', 8, 'date'],
  ['coverage_start', 8, 'date'],
  ['coverage_end', 8, 'date'],
  ['plan_code', 10, 'text'],
  ['coverage_level', 4, 'text'],
  ['annual_salary', 11, 'number'],
]);

type FieldSpec = [string, number, AlightFieldKind, Readonly<Record<string, string>>?];

function layout(fields: FieldSpec[]): AlightField[] {
  let start = 1;
  return fields.map(([column, length, kind, codes]) => {
    const field: AlightField = { column, start, length, kind, ...(codes ? { codes } : {}) };
    start += length;
    return field;
  });
}
