import { describe, expect, test } from 'vitest';
import type { Value } from '../model/block-version.js';
import { exportText } from '../testing/export-fixture.js';
import { ALIGHT_LAYOUT, ALIGHT_RECORD_BYTES } from './alight-layout.js';
import { writeAlightExport } from './write-alight-export.js';

const COLUMNS = [
  'record_type',
  'employer_id',
  'ssn',
  'last_name',
  'first_name',
  'birth_date',
  'annual_salary',
  'zip',
];
const ROWS: Value[][] = [
  ['EE', 'ACME', '123-45-6789', 'Ångström', 'Zoë', '1980-02-29', 55000, '30301'],
  ['SP', 'ACME', null, '=cmd()', '山田🍣', 'bad', null, null],
  ['CH', 'ACME', '1', 'x'.repeat(50), 'Al', '20200101', '1234567890123', '12345-6789'],
];
const input = { block: 'enroll', version: '1.0', columns: COLUMNS, rows: ROWS };

/** The fields of a record by column, cut at the layout's positions. */
function fields(record: string): Record<string, string> {
  return Object.fromEntries(
    ALIGHT_LAYOUT.map((f) => [f.column, record.slice(f.start - 1, f.start - 1 + f.length)]),
  );
}

async function records(rows = ROWS): Promise<string[]> {
  const text = await exportText(writeAlightExport({ ...input, rows }));
  expect(text === '' || text.endsWith('\r\n')).toBe(true);
  return text === '' ? [] : text.slice(0, -2).split('\r\n');
}

describe('alight export', () => {
  test('the layout fits the record and its fields follow each other', () => {
    let next = 1;
    for (const field of ALIGHT_LAYOUT) {
      expect(field.start).toBe(next);
      next += field.length;
    }
    expect(next - 1).toBeLessThanOrEqual(ALIGHT_RECORD_BYTES);
  });

  test('one record of exactly 2500 ASCII bytes per row, unicode included', async () => {
    const lines = await records();
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBe(ALIGHT_RECORD_BYTES);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  test('fields sit at their positions: text padded, numbers zero-filled, dates CCYYMMDD', async () => {
    const [first, second, third] = (await records()).map(fields);
    expect(first).toMatchObject({
      record_type: 'EE',
      employer_id: 'ACME'.padEnd(10),
      ssn: '123456789',
      last_name: 'Angstrom'.padEnd(35),
      first_name: 'Zoe'.padEnd(25),
      birth_date: '19800229',
      annual_salary: '00000055000',
      zip: '30301'.padEnd(10),
      middle_name: ' ',
    });
    // Formula-safe text, non-Latin as ?, blanks where there is nothing or no date.
    expect(second).toMatchObject({
      record_type: 'SP',
      ssn: ' '.repeat(9),
      last_name: "'=cmd()".padEnd(35),
      first_name: '???'.padEnd(25),
      birth_date: ' '.repeat(8),
      annual_salary: ' '.repeat(11),
    });
    // Too long: text cut, numbers keep their last digits.
    expect(third).toMatchObject({
      ssn: '000000001',
      last_name: 'x'.repeat(35),
      birth_date: '20200101',
      annual_salary: '34567890123',
      zip: '12345-6789',
    });
  });

  test('an empty block is an empty file', async () => {
    expect(await records([])).toEqual([]);
  });
  test('writes gender and relationship words as the 834 codes them, codes as they are', async () => {
    const columns = ['record_type', 'gender', 'relationship'];
    const text = await exportText(
      writeAlightExport({
        block: 'enroll',
        version: '1.0',
        columns,
        rows: [
          ['EE', 'female', 'self'],
          ['SP', 'Male', 'spouse'],
          ['CH', 'U', 'child'],
          ['CH', 'unknown', '19'],
        ],
      }),
    );
    const coded = text
      .slice(0, -2)
      .split('\r\n')
      .map((record) => [fields(record).gender, fields(record).relationship]);
    expect(coded).toEqual([
      ['F', '18'],
      ['M', '01'],
      ['U', '19'],
      ['U', '19'],
    ]);
  });
});
