import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import { decodeBlockFile, encodeBlockFile, readBlockFileHeader } from './block-file.js';

const columns = ['id', 'status', 'score', 'flag', 'note'];
const rows: RowValues[] = Array.from({ length: 300 }, (_, i) => [
  `C-${i}`,
  ['active', 'locked', 'closed'][i % 3] as string,
  i % 7 === 0 ? null : i % 5,
  i % 2 === 0,
  i % 11 === 0 ? 'ünïcødé ✓' : '',
]);

describe('block files', () => {
  it('give back every cell with its type, keys kept whole and repeated values dictionary-encoded', () => {
    const bytes = encodeBlockFile(columns, rows);
    const table = decodeBlockFile(bytes);
    expect(table.columns).toEqual(columns);
    expect(table.rowCount).toBe(300);
    expect(table.toRows()).toEqual(rows);
    expect(table.row(7)).toEqual(rows[7]);
    expect(table.column(0).data.codes).toBeNull();
    expect(table.column(1).data.values).toEqual(['active', 'locked', 'closed']);
    expect(table.column(1).data.codes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBeLessThan(JSON.stringify(rows).length);
  });

  it('keep strings with NUL in them, and columns mixing strings with other values', () => {
    const odd: RowValues[] = [
      ['a\u0000b', 'x'],
      ['', 'y'],
      ['c', 1],
    ];
    expect(decodeBlockFile(encodeBlockFile(['k', 'v'], odd)).toRows()).toEqual(odd);
  });

  it('widen the codes of a large dictionary', () => {
    const many: RowValues[] = Array.from({ length: 2000 }, (_, i) => [String(i % 900)]);
    const table = decodeBlockFile(encodeBlockFile(['n'], many));
    expect(table.column(0).data.codes).toBeInstanceOf(Uint16Array);
    expect(table.toRows()).toEqual(many);
  });

  it('read from a buffer at any offset, and an empty table', () => {
    const bytes = encodeBlockFile(columns, rows);
    const shifted = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    expect(decodeBlockFile(shifted).toRows()).toEqual(rows);
    expect(decodeBlockFile(encodeBlockFile(columns, [])).toRows()).toEqual([]);
  });

  it('tell their row count and columns from the first bytes alone', () => {
    const bytes = encodeBlockFile(columns, rows);
    const needed = readBlockFileHeader(bytes.subarray(0, 12));
    expect(typeof needed).toBe('number');
    const header = readBlockFileHeader(bytes.subarray(0, needed as number));
    expect(header).toMatchObject({ rowCount: 300, columns: columns.map((name) => ({ name })) });
  });

  it('refuse bytes that are not a block file, or are cut short', () => {
    const bytes = encodeBlockFile(columns, rows);
    expect(() => decodeBlockFile(Buffer.from('[["a"]]'), 'x.block')).toThrow(AllotError);
    expect(() => decodeBlockFile(bytes.subarray(0, bytes.length - 10), 'x.block')).toThrow(
      /x\.block is not a readable block file: it ends inside column/,
    );
  });

  it('test a row by index as the cell test does, once per distinct value of a dictionary', () => {
    const table = decodeBlockFile(encodeBlockFile(columns, rows));
    const seen: unknown[] = [];
    const locked = table.column(1).rowTest((cell) => {
      seen.push(cell);
      return cell === 'locked';
    });
    expect(seen).toHaveLength(3);
    const indexes = rows.map((_, i) => i).filter(locked);
    expect(indexes).toEqual(rows.flatMap((row, i) => (row[1] === 'locked' ? [i] : [])));
  });

  it('append rows after the rows of their parent, which keep their indexes', () => {
    const table = decodeBlockFile(encodeBlockFile(columns, rows));
    const added: RowValues[] = [['M-1', 'active', 3, false, 'made']];
    const appended = table.append(added);
    expect(appended.rowCount).toBe(301);
    expect(appended.row(300)).toEqual(added[0]);
    expect(appended.row(12)).toEqual(rows[12]);
    expect(appended.toRows()).toEqual([...rows, ...added]);
  });

  it('write and read the layout of files already on disk, byte for byte', () => {
    const golden = Buffer.from(GOLDEN, 'base64');
    const goldenRows: RowValues[] = Array.from({ length: 20 }, (_, i) => [
      i === 3 ? 'clé-3' : `K-${i}`,
      ['active', 'locked'][i % 2] as string,
      i % 5 === 0 ? null : i % 3,
      i % 4 === 0,
    ]);
    expect(encodeBlockFile(['id', 'status', 'score', 'flag'], goldenRows).toString('base64')).toBe(
      GOLDEN,
    );
    const table = decodeBlockFile(golden);
    expect(table.toRows()).toEqual(goldenRows);
    expect(table.column(0).valueAt(3)).toBe('clé-3');
  });
});

/** A block file as this layout (ALLOTCB1) writes it: keys as NUL-joined text, the rest dictionaries. */
const GOLDEN = [
  'QUxMT1RDQjHvAAAAeyJyb3dDb3VudCI6MjAsImNvbHVtbnMiOlt7Im5hbWUiOiJpZCIsInZhbHVl',
  'cyI6WzI1Miw5MiwidGV4dCJdLCJjb2RlcyI6bnVsbH0seyJuYW1lIjoic3RhdHVzIiwidmFsdWVz',
  'IjpbMzQ0LDEzLCJ0ZXh0Il0sImNvZGVzIjpbMzYwLDFdfSx7Im5hbWUiOiJzY29yZSIsInZhbHVl',
  'cyI6WzM4MCwxMl0sImNvZGVzIjpbMzkyLDFdfSx7Im5hbWUiOiJmbGFnIiwidmFsdWVzIjpbNDEy',
  'LDEyXSwiY29kZXMiOls0MjQsMV19XX0ASy0wAEstMQBLLTIAY2zDqS0zAEstNABLLTUASy02AEst',
  'NwBLLTgASy05AEstMTAASy0xMQBLLTEyAEstMTMASy0xNABLLTE1AEstMTYASy0xNwBLLTE4AEst',
  'MTlhY3RpdmUAbG9ja2VkAAAAAAEAAQABAAEAAQABAAEAAQABAAFbbnVsbCwxLDIsMF0AAQIDAQAD',
  'AQIDAAIDAQIAAQIDAVt0cnVlLGZhbHNlXQABAQEAAQEBAAEBAQABAQEAAQEB',
].join('');
