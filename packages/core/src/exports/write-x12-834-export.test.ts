import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { describe, expect, test } from 'vitest';
import { failure } from '../testing/failure.js';
import { exportText, safe } from '../testing/export-fixture.js';
import type { Value } from '../model/block-version.js';
import { X12_TEMPLATES } from './x12-834-mapping.js';
import { writeX12834Export, type X12834Options } from './write-x12-834-export.js';

const COLUMNS = [
  'subscriber_id',
  'relationship',
  'last_name',
  'first_name',
  'middle_name',
  'ssn',
  'birth_date',
  'gender',
  'address_line1',
  'city',
  'state',
  'zip',
  'phone',
  'group_number',
  'plan_code',
  'coverage_level',
  'coverage_start',
  'unmapped',
];
const ROWS: Value[][] = [
  [
    'S001',
    'self',
    'Ångström',
    'Zoë',
    'Q',
    '123-45-6789',
    '1980-02-29',
    'female',
    '1 Main St',
    'Atlanta',
    'GA',
    '30301',
    '(404) 555-0100',
    'G42',
    'GOLD',
    'FAM',
    '2026-01-01',
    'ignored',
  ],
  [
    'S001',
    'spouse',
    '=cmd|x',
    'Bob*~:^',
    null,
    null,
    '19790101',
    'M',
    null,
    null,
    null,
    null,
    null,
    'G42',
    'GOLD',
    'FAM',
    '20260101',
    null,
  ],
  [
    'S002',
    '18',
    '山田',
    '太郎',
    null,
    '987654321',
    'not a date',
    'U',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
];
const NOW = new Date('2026-12-06T09:05:00Z');
const input = { block: 'members', version: '1.1', columns: COLUMNS, rows: ROWS };

async function parsed(options: X12834Options = {}, rows = ROWS) {
  const text = await exportText(writeX12834Export({ ...input, rows }, { now: NOW, ...options }));
  const interchange = new X12Parser(true).parse(text) as X12Interchange;
  const group = interchange.functionalGroups[0]!;
  const transaction = group.transactions[0]!;
  const elements = (segment: X12Segment) => [segment.tag, ...segment.elements.map((e) => e.value)];
  return { text, interchange, group, transaction, segments: transaction.segments.map(elements) };
}

/** The member loops: each INS and the segments up to the next INS or SE. */
function members(segments: string[][]): string[][][] {
  const loops: string[][][] = [];
  for (const segment of segments) {
    if (segment[0] === 'INS') loops.push([]);
    if (segment[0] === 'SE') break;
    loops.at(-1)?.push(segment);
  }
  return loops;
}

describe('x12 834 export', () => {
  test('parses back with a strict X12 parser: envelope, control numbers and counts agree', async () => {
    const { interchange, group, transaction, text } = await parsed({
      controlNumber: 42,
      template: 'ga',
    });
    const isa = interchange.header.elements.map((e) => e.value);
    expect(isa[5]!.trim()).toBe('ALLOT');
    expect(isa[7]!.trim()).toBe(X12_TEMPLATES.ga.receiverId);
    expect(isa.slice(8, 10)).toEqual(['261206', '0905']);
    expect(isa[11]).toBe('00501');
    // node-x12 reads control numbers as numbers; the text has them 9 digits wide.
    expect(Number(isa[12])).toBe(42);
    expect(text).toMatch(/^ISA(\*[^*~]*){12}\*000000042\*/);
    expect(text.trimEnd().endsWith('IEA*1*000000042~')).toBe(true);
    expect(isa[14]).toBe('T');
    // ISA is fixed width: 106 characters with its terminator.
    expect(text.indexOf('~')).toBe(105);
    expect(group.header.elements.map((e) => e.value)).toEqual([
      'BE',
      'ALLOT',
      X12_TEMPLATES.ga.receiverId,
      '20261206',
      '0905',
      '42',
      'X',
      '005010X220A1',
    ]);
    expect(transaction.header.elements.map((e) => e.value)).toEqual([
      '834',
      '0001',
      '005010X220A1',
    ]);
    const se = transaction.trailer.elements.map((e) => e.value);
    // SE01 counts ST, the body and SE itself.
    expect(Number(se[0])).toBe(transaction.segments.length + 2);
    expect(se[1]).toBe('0001');
    expect(group.trailer.elements.map((e) => e.value)).toEqual(['1', '42']);
    expect(interchange.trailer.elements.map((e) => Number(e.value))).toEqual([1, 42]);
  });

  test('writes the header segments, then one member loop per row, segment by segment', async () => {
    const { segments } = await parsed({
      template: 'ga',
      sponsorName: 'ACME INC',
      sponsorId: '123456789',
    });
    expect(segments.slice(0, 3)).toEqual([
      ['BGN', '00', '000000001', '20261206', '0905', '', '', '', '2'],
      ['N1', 'P5', 'ACME INC', 'FI', '123456789'],
      ['N1', 'IN', X12_TEMPLATES.ga.insurerName, 'FI', X12_TEMPLATES.ga.insurerId],
    ]);
    const loops = members(segments);
    expect(loops).toHaveLength(3);
    expect(loops[0]).toEqual([
      ['INS', 'Y', '18', '021', '28', 'A', '', '', 'FT'],
      ['REF', '0F', 'S001'],
      ['REF', '1L', 'G42'],
      ['NM1', 'IL', '1', 'Ångström', 'Zoë', 'Q', '', '', '34', '123456789'],
      ['PER', 'IP', '', 'TE', '4045550100'],
      ['N3', '1 Main St'],
      ['N4', 'Atlanta', 'GA', '30301'],
      ['DMG', 'D8', '19800229', 'F'],
      ['HD', '021', '', 'HLT', 'GOLD', 'FAM'],
      ['DTP', '348', 'D8', '20260101'],
    ]);
    // A dependent; a formula-safe name; the delimiters inside a value are spaces.
    expect(loops[1]?.[0]).toEqual(['INS', 'N', '01', '021', '28', 'A', '', '', 'FT']);
    expect(loops[1]?.find((s) => s[0] === 'NM1')).toEqual([
      'NM1',
      'IL',
      '1',
      safe('=cmd|x'),
      'Bob',
    ]);
    // Unicode kept; no date, no DMG; no coverage start, the file date.
    expect(loops[2]?.find((s) => s[0] === 'NM1')?.slice(3, 5)).toEqual(['山田', '太郎']);
    expect(loops[2]?.some((s) => s[0] === 'DMG')).toBe(false);
    expect(loops[2]?.at(-1)).toEqual(['DTP', '348', 'D8', '20261206']);
  });

  test("record n writes row n alone (the reference's row n+1); -1 writes them all", async () => {
    const one = await parsed({ record: 1 });
    expect(members(one.segments).map((loop) => loop[0]?.[2])).toEqual(['01']);
    expect(Number(one.transaction.trailer.elements[0]?.value)).toBe(
      one.transaction.segments.length + 2,
    );
    expect(members((await parsed({ record: -1 })).segments)).toHaveLength(3);
  });

  test('a record past the last row is NOT_FOUND naming record', async () => {
    await expect(parsed({ record: 3 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'record' },
    });
  });

  test('an unknown template, a bad record or control number is INVALID_INPUT naming the field', () => {
    const run = (options: X12834Options) => () => writeX12834Export(input, options);
    expect(failure(run({ template: 'tx' as 'or' })).details).toEqual({ field: 'template' });
    expect(failure(run({ record: -2 })).details).toEqual({ field: 'record' });
    expect(failure(run({ controlNumber: 1e9 })).details).toEqual({ field: 'controlNumber' });
  });

  test('an empty block is a valid interchange with no member', async () => {
    const { segments, transaction } = await parsed({}, []);
    expect(members(segments)).toEqual([]);
    expect(transaction.trailer.elements[0]?.value).toBe('5');
  });
});
