import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import type { Table } from '../model/block-version.js';
import { checkKeyColumn } from './check-key-column.js';

const table = (rows: Table['rows']): Table => ({ columns: ['id', 'email'], rows });

describe('checkKeyColumn', () => {
  it('accepts present, unique keys', () => {
    expect(() =>
      checkKeyColumn(
        table([
          ['1', 'a'],
          [2, 'b'],
        ]),
        'id',
        'c.csv',
      ),
    ).not.toThrow();
  });

  it('rejects a missing column, listing the columns', () => {
    const error = failure(() => checkKeyColumn(table([]), 'ID', 'c.csv'));
    expect(error.code).toBe('UNKNOWN_COLUMN');
    expect(error.message).toBe(
      'c.csv: key column "ID" does not exist; the block has columns: id, email',
    );
    expect(error.details).toMatchObject({ column: 'ID', columns: ['id', 'email'] });
  });

  it('rejects an empty or null key with its row', () => {
    for (const empty of ['', null]) {
      const error = failure(() =>
        checkKeyColumn(
          table([
            ['1', 'a'],
            [empty, 'b'],
          ]),
          'id',
          'c.csv',
        ),
      );
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toBe('c.csv: row 2: the key column "id" is empty');
    }
  });

  it('rejects a duplicate key, naming the value and both rows', () => {
    const rows = [
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
      ['2', 'd'],
    ];
    const error = failure(() => checkKeyColumn(table(rows), 'id', 'c.csv'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^c\.csv: /);
    expect(error.message).toContain('"2"');
    expect(error.message).toContain('rows 2 and 4');
    expect(error.details).toMatchObject({ key: '2', rows: [2, 4] });
  });

  it('treats a number and its string as the same key', () => {
    const error = failure(() =>
      checkKeyColumn(
        table([
          [7, 'a'],
          ['7', 'b'],
        ]),
        'id',
        'c.json',
      ),
    );
    expect(error.message).toContain('rows 1 and 2');
  });
});
