import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads the header and rows as strings', () => {
    expect(parseCsv('id,email,balance\n1,a@x.io,100\n2,,7\n', 'c.csv')).toEqual({
      columns: ['id', 'email', 'balance'],
      rows: [
        ['1', 'a@x.io', '100'],
        ['2', '', '7'],
      ],
    });
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n';
    expect(parseCsv(text, 'c.csv').rows).toEqual([
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
    ]);
  });

  it('strips a UTF-8 BOM from the first column name', () => {
    expect(parseCsv('\ufeffid,name\n1,Ann\n', 'c.csv').columns).toEqual(['id', 'name']);
  });

  it('reads CRLF line endings, also inside quoted fields', () => {
    const table = parseCsv('id,note\r\n1,"x\r\ny"\r\n2,z\r\n', 'c.csv');
    expect(table.rows).toEqual([
      ['1', 'x\r\ny'],
      ['2', 'z'],
    ]);
  });

  it('reads a last row without a line break', () => {
    expect(parseCsv('a,b\n1,2', 'c.csv').rows).toEqual([['1', '2']]);
  });

  it('skips blank lines, trailing ones included', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n\n\n', 'c.csv').rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a,b\r\n1,2\r\n\r\n', 'c.csv').rows).toEqual([['1', '2']]);
  });

  it('keeps a quoted empty value in a single-column file', () => {
    expect(parseCsv('a\n""\nx\n', 'c.csv').rows).toEqual([[''], ['x']]);
  });

  it('accepts a header without rows', () => {
    expect(parseCsv('a,b\n', 'c.csv')).toEqual({ columns: ['a', 'b'], rows: [] });
  });

  it('rejects an empty file', () => {
    for (const text of ['', '\ufeff']) {
      const error = failure(() => parseCsv(text, 'empty.csv'));
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toBe('empty.csv: the file is empty');
    }
  });

  it('rejects a file of blank lines as having no header', () => {
    const error = failure(() => parseCsv('\n\n', 'blank.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^blank\.csv: .*no header/);
  });

  it('rejects an empty column name, giving its position', () => {
    const error = failure(() => parseCsv('id,,name\n1,2,3\n', 'c.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^c\.csv: /);
    expect(error.message).toContain('column 2');
  });

  it('rejects a duplicate column name, naming it', () => {
    const error = failure(() => parseCsv('id,email,email\n1,2,3\n', 'c.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^c\.csv: /);
    expect(error.message).toContain('"email"');
    expect(error.details).toMatchObject({ column: 'email' });
  });

  it('gives the header line after leading blank lines', () => {
    const error = failure(() => parseCsv('\n\nid,id\n', 'c.csv'));
    expect(error.message).toMatch(/^c\.csv: line 3: duplicate column name "id"/);
  });

  it('rejects a short or long row with the line it is on', () => {
    const short = failure(() => parseCsv('a,b,c\n1,2,3\n4,5\n', 'c.csv'));
    expect(short.code).toBe('INVALID_DATA');
    expect(short.message).toMatch(/^c\.csv: line 3: /);
    expect(short.message).toContain('2 field(s)');
    expect(short.message).toContain('3 column(s)');
    expect(short.details).toMatchObject({ line: 3 });

    const long = failure(() => parseCsv('a,b\r\n1,2\r\n3,4,5\r\n', 'c.csv'));
    expect(long.message).toMatch(/^c\.csv: line 3: /);
  });

  it('gives the line a ragged row starts on when earlier fields span lines', () => {
    const text = 'a,b\n"one\ntwo\nthree",1\n\n"x\ny",2,3\n';
    const error = failure(() => parseCsv(text, 'c.csv'));
    expect(error.message).toMatch(/^c\.csv: line 6: /);
    expect(error.details).toMatchObject({ line: 6 });
  });

  it('rejects an unclosed quote with its line', () => {
    const error = failure(() => parseCsv('a,b\n1,2\n3,"open\nmore\nmore\n', 'c.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^c\.csv: line 3: malformed CSV: .*never closed/);
    expect(error.details).toMatchObject({ line: 3 });
  });

  it('rejects text after a closing quote with its line', () => {
    const error = failure(() => parseCsv('a,b\n1,2\n3,"x"y\n', 'c.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^c\.csv: line 3: malformed CSV/);
    expect(error.details).toMatchObject({ line: 3, csvCode: 'CSV_INVALID_CLOSING_QUOTE' });
  });
});
