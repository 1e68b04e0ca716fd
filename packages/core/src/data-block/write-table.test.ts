import { describe, expect, test } from 'vitest';
import { formulaSafeCell } from './formula-safe-cell.js';
import { parseCsv } from './parse-csv.js';
import { TABLE_FORMATS, writeTable, type TableFormat } from './write-table.js';

/** Cells a spreadsheet would run, each with what every text format must write instead. */
const HOSTILE: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['+cmd', "'+cmd"],
  ['-x', "'-x"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['  =1+1', "'  =1+1"],
  [' \t @A1', "' \t @A1"],
  ['\u00a0=1', "'\u00a0=1"],
  ['-1+1', "'-1+1"],
  [' -1', "' -1"],
  ['-0x1F', "'-0x1F"],
  ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
];
/** Cells that stay as they are: plain numbers, and text whose operator is not first. */
const HARMLESS = ['-12.50', '+1', '-3e5', '.5', '-0', '1e-3', 'a=b', 'mail@example.test', ''];

const DELIMITED = TABLE_FORMATS.filter((f): f is Exclude<TableFormat, 'json'> => f !== 'json');
const SEPARATOR = { csv: ',', tsv: '\t', pipe: '|' } as const;

/** The cells of one delimited record, unquoted as RFC 4180 quotes them. */
function cellsOf(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  return [...cells, cell];
}

describe('formulaSafeCell', () => {
  test.each(HOSTILE)('neutralises %j', (cell, safe) => {
    expect(formulaSafeCell(cell)).toBe(safe);
  });
  test.each(HARMLESS)('leaves %j alone', (cell) => {
    expect(formulaSafeCell(cell)).toBe(cell);
  });
});

describe('writeTable', () => {
  test('lists the formats, json and every delimited one', () => {
    expect([...TABLE_FORMATS].sort()).toEqual(['csv', 'json', 'pipe', 'tsv']);
  });

  test.each(DELIMITED)(
    '%s: every hostile cell is neutralised, every harmless one kept',
    (format) => {
      const rows = [...HOSTILE.map(([cell]) => [cell]), ...HARMLESS.map((cell) => [cell])];
      const text = writeTable(format, ['=header'], rows);
      // Records end in CRLF; a CR inside a cell is quoted, so split on CRLF outside quotes.
      const cells = splitRecords(text).map((record) => cellsOf(record, SEPARATOR[format])[0]);
      expect(cells).toEqual(["'=header", ...HOSTILE.map(([, safe]) => safe), ...HARMLESS]);
    },
  );

  test('json keeps every value as stored: it is read by programs, not spreadsheets', () => {
    const rows = [
      ...HOSTILE.map(([cell]) => [cell, -12.5]),
      ...HARMLESS.map((cell) => [cell, null]),
    ];
    const parsed = JSON.parse(writeTable('json', ['note', 'n'], rows)) as unknown[];
    expect(parsed).toEqual(rows.map(([note, n]) => ({ note, n })));
  });

  test('csv quotes as RFC 4180 and reads back unchanged through the importer', () => {
    const rows = [
      ['1', 'Washington, D.C.', 'x'],
      ['2', 'The "Big" Apple', 'line\r\nbreak'],
    ];
    const text = writeTable('csv', ['id', 'city', 'note'], rows);
    expect(text).toBe(
      'id,city,note\r\n1,"Washington, D.C.",x\r\n2,"The ""Big"" Apple","line\r\nbreak"\r\n',
    );
    expect(parseCsv(text, 'round-trip.csv')).toEqual({ columns: ['id', 'city', 'note'], rows });
  });

  test('null is an empty cell; numbers and booleans are written as text', () => {
    expect(writeTable('pipe', ['a', 'b', 'c'], [[null, -12.5, false]])).toBe(
      'a|b|c\r\n|-12.5|false\r\n',
    );
  });
});

function splitRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '\r' && text[i + 1] === '\n') {
      records.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  return records;
}
