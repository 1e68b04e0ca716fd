import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import { decodeBlockFile, encodeBlockFile } from './block-file.js';
import { ColumnTable } from './column-table.js';
import { TextCells } from './text-cells.js';

const joined = (cells: string[]) => Buffer.from(cells.join('\u0000'), 'utf8');

describe('text cells', () => {
  it('give each cell back, ASCII or not, empty ones included', () => {
    for (const cells of [['K-1', '', 'K-3', ''], ['ünïcødé ✓', 'a', '', '日本'], [''], ['only']]) {
      const text = new TextCells(joined(cells), cells.length);
      expect(Array.from({ length: cells.length }, (_, row) => text.at(row))).toEqual(cells);
      expect(text.toArray()).toEqual(cells);
    }
  });

  it('find the rows of a few keys among many, repeated keys each time, without false matches', () => {
    const cells = Array.from({ length: 50_000 }, (_, i) => `C-${String(i).padStart(7, '0')}`);
    cells[49_999] = 'C-0000007';
    cells[123] = 'ключ';
    const text = new TextCells(joined(cells), cells.length);
    // The first search is a pass over the cells, the next ones use the index it leaves.
    for (const keys of [
      new Set(['C-0000007', 'C-0012345', 'ключ', 'absent', '']),
      new Set(['C-0000007', 'C-0049998', 'C-0000000']),
      new Set(['ключ', 'C-0012345', 'nope']),
    ]) {
      const found: Array<[number, string]> = [];
      text.forEachKeyRow(keys, (row, key) => found.push([row, key]));
      const expected = cells.flatMap((cell, row): Array<[number, string]> =>
        keys.has(cell) ? [[row, cell]] : [],
      );
      expect(found).toEqual(expected);
      expect(found.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuse bytes holding another number of cells', () => {
    expect(() => new TextCells(joined(['a', 'b', 'c']), 2)).toThrow(RangeError);
    expect(() => new TextCells(joined(['a', 'b']), 3)).toThrow(RangeError);
  });
});

describe('a key column read from a block file', () => {
  const rows: RowValues[] = Array.from({ length: 1000 }, (_, i) => [
    i % 97 === 0 ? `clé-${i}` : `K-${i}`,
    ['a', 'b', 'c'][i % 3] as string,
  ]);

  it('reads, tests and finds keys as the rows in memory do', () => {
    const decoded = decodeBlockFile(encodeBlockFile(['id', 'kind'], rows));
    const inMemory = ColumnTable.fromRows(['id', 'kind'], rows);
    const keys = new Set(['K-5', 'clé-194', 'K-999', 'nope']);
    for (const table of [decoded, inMemory]) {
      const column = table.column(0);
      expect(column.valueAt(194)).toBe('clé-194');
      const found: number[] = [];
      column.forEachKeyRow(keys, (row) => found.push(row));
      expect(found).toEqual([5, 194, 999]);
      const bits = column.rowBits((cell) => String(cell).endsWith('7'));
      const test = column.rowTest((cell) => String(cell).endsWith('7'));
      const expected = rows.flatMap((row, i) => (String(row[0]).endsWith('7') ? [i] : []));
      expect(rows.map((_, i) => i).filter(test)).toEqual(expected);
      expect(rows.map((_, i) => i).filter((i) => ((bits[i >>> 5] ?? 0) >>> (i & 31)) & 1)).toEqual(
        expected,
      );
      expect(table.toRows()).toEqual(rows);
    }
  });

  it('is a corrupt file when its cells do not add up to the row count', () => {
    const bytes = encodeBlockFile(['id', 'kind'], rows);
    // "K-1" becomes "K\0" + "1": one cell more than the header says.
    const at = bytes.indexOf('K-1\u0000', 0, 'utf8');
    bytes[at + 1] = 0;
    const table = decodeBlockFile(bytes, 'x.block');
    expect(() => table.column(0).valueAt(0)).toThrow(AllotError);
    expect(() => table.column(0).valueAt(0)).toThrow(/x\.block .*column "id"/);
  });

  it("appends a made version's rows, its key column kept as bytes when every key added can be", () => {
    const decoded = decodeBlockFile(encodeBlockFile(['id', 'kind'], rows));
    for (const added of [
      [
        ['M-1', 'a'],
        ['méé', 'b'],
        ['', 'c'],
      ],
      [
        ['M-2', 'a'],
        [7, 'b'],
      ],
      [['with\u0000nul', 'a']],
    ] satisfies RowValues[][]) {
      const appended = decoded.append(added);
      expect(appended.rowCount).toBe(rows.length + added.length);
      expect(appended.toRows()).toEqual([...rows, ...added]);
      const found: number[] = [];
      appended
        .column(0)
        .forEachKeyRow(new Set(['K-1', String(added[0]?.[0])]), (row) => found.push(row));
      expect(found).toEqual([1, rows.length]);
    }
  });
});
