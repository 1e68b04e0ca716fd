import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowValues, Value } from '../model/block-version.js';
import { blockFileParts, decodeBlockFile, encodeBlockFile } from './block-file.js';
import { ColumnTableBuilder } from './column-table-builder.js';

/** Builds a table from `rows`, given in batches of the sizes `cuts` names (cycled). */
function built(
  columns: readonly string[],
  rows: readonly RowValues[],
  cuts: readonly number[],
  expectedRows = 0,
) {
  const builder = new ColumnTableBuilder(columns, expectedRows);
  for (let start = 0, i = 0; start < rows.length; i++) {
    const size = Math.max(1, cuts[i % cuts.length] ?? 1000);
    const batch = rows.slice(start, start + size);
    if (i % 2 === 0) builder.addRows(batch);
    else builder.addColumns(columns.map((_, c) => batch.map((row) => row[c] ?? null)));
    start += size;
  }
  return builder.build();
}

/** The builder's table holds `rows` cell for cell, and its block file is the rows' own, byte for byte. */
function expectSameAsRows(
  columns: readonly string[],
  rows: readonly RowValues[],
  cuts = [1000],
  expectedRows = 0,
) {
  const table = built(columns, rows, cuts, expectedRows);
  expect(table.rowCount).toBe(rows.length);
  expect(table.toRows()).toEqual(rows);
  const fromRows = encodeBlockFile(columns, rows);
  const fromTable = encodeBlockFile(columns, table);
  expect(fromTable.equals(fromRows)).toBe(true);
  expect(Buffer.concat(blockFileParts(columns, table)).equals(fromRows)).toBe(true);
  // A file reads back as the rows (but for lone surrogates, which UTF-8 cannot keep).
  if (!rows.some((row) => row.some((c) => typeof c === 'string' && /\p{Cs}/u.test(c))))
    expect(decodeBlockFile(fromTable).toRows()).toEqual(rows);
  return table;
}

const cell: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value>('', 'a', 'ünïcødé ✓', '日本', 'a\u0000b', null, true, false, 0, 1.5),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.integer({ min: -50, max: 50 }),
  // JSON keeps neither NaN, the infinities nor -0: they read back as a file gives them (below).
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
/** A column of cells drawn from a few values (a dictionary), or from many (mostly distinct). */
const columnOf = (rowCount: number): fc.Arbitrary<Value[]> =>
  fc.oneof(
    fc.array(cell, { minLength: rowCount, maxLength: rowCount }),
    fc
      .array(cell, { minLength: 1, maxLength: 4 })
      .chain((pool) =>
        fc.array(fc.constantFrom(...pool), { minLength: rowCount, maxLength: rowCount }),
      ),
    fc.constant(Array.from({ length: rowCount }, (_, i) => `k-${i}`)),
  );
const tableOf = fc
  .integer({ min: 0, max: 120 })
  .chain((rowCount) =>
    fc.tuple(
      fc.array(columnOf(rowCount), { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
    ),
  );

/** `count` cells: `distinct` values once each, then cells repeating a pool of `pool`. */
function distinctThenRepeating(
  count: number,
  distinct: number,
  pool: number,
  as: (i: number) => Value,
) {
  return Array.from({ length: count }, (_, i) => as(i < distinct ? i : i % pool));
}

describe('a column table builder', () => {
  it('builds the table and block file of the same rows, for any columns and batches', () => {
    fc.assert(
      fc.property(tableOf, ([cells, cuts]) => {
        const columns = cells.map((_, c) => `c${c}`);
        const rowCount = cells[0]?.length ?? 0;
        const rows = Array.from({ length: rowCount }, (_, r) =>
          cells.map((column) => column[r] as Value),
        );
        expectSameAsRows(columns, rows, cuts);
      }),
      { numRuns: 200 },
    );
  });

  it('gives up a dictionary that turns mostly distinct mid-way, and finds one for cells that repeat after looking distinct', () => {
    const count = 12_000;
    const columns = ['key', 'ref', 'refNumber', 'late', 'status', 'mixed', 'odd', 'surrogate'];
    const key = distinctThenRepeating(count, count, 1, (i) => `T-${i}-ü`);
    // Distinct for 5,000 rows (a dictionary given up), then repeats: 5,000 of 12,000 distinct.
    const ref = distinctThenRepeating(count, 5000, 5000, (i) => `acct-${i}`);
    const refNumber = distinctThenRepeating(count, 5000, 5000, (i) => i * 1.25);
    // Repeats first, distinct later: a dictionary given up late.
    const late = Array.from({ length: count }, (_, i) => (i < 3000 ? 'same' : `v${i}`));
    const status = Array.from({ length: count }, (_, i) => ['open', 'closed', ''][i % 3] as string);
    // Text that turns to JSON part way: a number and a null after thousands of strings.
    const mixed = Array.from({ length: count }, (_, i) =>
      i === 9000 ? 7 : i === 9001 ? null : `m${i}`,
    );
    // A lone surrogate cannot be UTF-8, a NUL cannot be text: both mostly distinct.
    const odd = Array.from({ length: count }, (_, i) =>
      i === 10_000 ? 'x\ud800' : i === 11_000 ? 'y\u0000' : `o${i}`,
    );
    const surrogate = Array.from({ length: count }, (_, i) => (i === 100 ? '\udc00z' : `s${i}`));
    const all = [key, ref, refNumber, late, status, mixed, odd, surrogate];
    const rows = Array.from({ length: count }, (_, r) => all.map((column) => column[r] as Value));
    // The rows expected ahead (none, as many, too few, far too many) only size the columns' bytes.
    for (const expected of [0, count, 100, 1_000_000]) {
      const table = expectSameAsRows(columns, rows, [1000, 333, 4096], expected);
      const kinds = columns.map((_, c) => table.column(c).encoded?.kind);
      expect(kinds).toEqual([
        'text',
        'text-dictionary',
        'dictionary',
        'text',
        'dictionary',
        'json',
        'json',
        'values',
      ]);
      expect(table.column(1).data.values).toHaveLength(5000);
      expect(table.column(1).data.codes).toBeInstanceOf(Uint16Array);
    }
  });

  it('sizes a column of distinct text once from the rows expected, and never joins it from its batches', () => {
    const count = 50_000;
    const rows = Array.from({ length: count }, (_, i) => [`customer-${i}@example.test`]);
    const table = built(['email'], rows, [1000], count);
    const encoded = table.column(0).encoded;
    expect(encoded?.kind).toBe('text');
    const bytes = (encoded as { bytes: Buffer }).bytes;
    // A view of the one buffer sized from the forecast (an eighth to spare), not a join of the batches.
    expect(bytes.buffer.byteLength).toBeGreaterThan(bytes.length);
    expect(bytes.buffer.byteLength).toBeLessThan(bytes.length * 1.3);
    expect(table.toRows()).toEqual(rows);
  });

  it('writes a column that looks distinct until its last rows as the rows would', () => {
    // 8,194 distinct of 16,386 rows: one over the half, decided at the very end.
    for (const count of [16_384, 16_386, 16_388]) {
      const cells = distinctThenRepeating(count, 8194, 1, (i) => `n${i}`);
      expectSameAsRows(
        ['n'],
        cells.map((c) => [c]),
        [977],
      );
    }
  });

  it('writes numbers JSON cannot hold as the rows would be written', () => {
    const odd = [Number.NaN, Number.POSITIVE_INFINITY, -0, 0, Number.NEGATIVE_INFINITY];
    for (const count of [10, 20_000]) {
      const rows = Array.from({ length: count }, (_, i) => [
        odd[i % odd.length] as number,
        i < count - 5 ? i + 0.5 : (odd[i % odd.length] as number),
      ]);
      const fromRows = encodeBlockFile(['few', 'many'], rows);
      expect(
        encodeBlockFile(['few', 'many'], built(['few', 'many'], rows, [700])).equals(fromRows),
      ).toBe(true);
    }
  });

  it('keeps tables of up to 16 rows as dictionaries, and an empty table', () => {
    expectSameAsRows(
      ['a'],
      Array.from({ length: 16 }, (_, i) => [`d${i}`]),
    );
    expectSameAsRows(
      ['a'],
      Array.from({ length: 17 }, (_, i) => [`d${i}`]),
    );
    expectSameAsRows(['a', 'b'], []);
  });

  it('refuses batches that are not one array per column of one length, and a second build', () => {
    const builder = new ColumnTableBuilder(['a', 'b']);
    expect(() => builder.addColumns([['x']])).toThrow(RangeError);
    expect(() => builder.addColumns([['x'], ['y', 'z']])).toThrow(RangeError);
    builder.addColumns([['x'], ['y']]);
    expect(builder.build().toRows()).toEqual([['x', 'y']]);
    expect(() => builder.build()).toThrow();
  });
});

describe('a column of numbers, booleans and nulls that looked distinct', () => {
  it('gets the dictionary a map of its values gives, read from its JSON in place', () => {
    // NaN and the infinities are left out: a file holds them as null, so where a column of
    // them and nulls has its dictionary is decided by the values, before JSON joins them.
    const scalar = fc.oneof(
      fc.integer({ min: -3000, max: 3000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom<Value>(0, -0, null, true, false, 1e21, 5e-324),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 4400, max: 9000 }),
        fc.array(scalar, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6000 }),
        (count, odd, distinct) => {
          // Distinct numbers first (the builder gives up its dictionary), then repeats of a pool.
          const cells = Array.from({ length: count }, (_, i) =>
            i < 4200
              ? i * 1.5
              : i % 7 === 0
                ? (odd[i % odd.length] as Value)
                : (i % distinct) * 1.5,
          );
          const rows = cells.map((c) => [c]);
          // -0 reads back as a file keeps it (0): the files are compared.
          const table = built(['n'], rows, [1000, 777]);
          expect(encodeBlockFile(['n'], table).equals(encodeBlockFile(['n'], rows))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
