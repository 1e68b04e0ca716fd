import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import type { OrderBy } from '../model/pool-definition.js';
import { compareRows } from './compare-rows.js';

const COLUMNS = ['id', 'name', 'balance'];
const PATH = 'tests[0].find.order';

function sorted(order: OrderBy[], rows: RowValues[]): RowValues[] {
  const compare = compareRows(order, COLUMNS, PATH);
  if (compare === null) throw new Error('expected a comparator');
  return [...rows].sort(compare);
}

function failure(order: unknown[]): AllotError {
  try {
    compareRows(order as OrderBy[], COLUMNS, PATH);
  } catch (error) {
    if (error instanceof AllotError) return error;
    throw error;
  }
  throw new Error('expected an AllotError');
}

describe('compareRows', () => {
  it('returns null without an order', () => {
    expect(compareRows(undefined, COLUMNS, PATH)).toBeNull();
    expect(compareRows([], COLUMNS, PATH)).toBeNull();
  });

  it('orders numeric strings and numbers as numbers', () => {
    const rows = [
      ['a', 'x', '10'],
      ['b', 'x', 9],
      ['c', 'x', '-1.5'],
      ['d', 'x', '100'],
    ];
    expect(sorted([{ column: 'balance', direction: 'asc' }], rows).map((r) => r[0])).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
    expect(sorted([{ column: 'balance', direction: 'desc' }], rows).map((r) => r[0])).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
  });

  it('orders other values as strings by code unit, not by locale', () => {
    const rows = [
      ['1', 'b'],
      ['2', 'B'],
      ['3', 'a'],
      ['4', 'é'],
      ['5', '10'],
      ['6', 'true'],
    ];
    expect(sorted([{ column: 'name', direction: 'asc' }], rows).map((r) => r[1])).toEqual([
      '10',
      'B',
      'a',
      'b',
      'true',
      'é',
    ]);
  });

  it('compares a number with a word as strings', () => {
    const rows = [
      ['1', 'x', 'n/a'],
      ['2', 'x', 5],
    ];
    expect(sorted([{ column: 'balance', direction: 'asc' }], rows).map((r) => r[0])).toEqual([
      '2',
      '1',
    ]);
  });

  it('puts null, missing and "" last in both directions', () => {
    const rows: RowValues[] = [['1', null], ['2', 'b'], ['3', ''], ['4'], ['5', 'a']];
    expect(
      sorted([{ column: 'name', direction: 'asc' }], rows)
        .map((r) => r[0])
        .slice(0, 2),
    ).toEqual(['5', '2']);
    expect(
      sorted([{ column: 'name', direction: 'desc' }], rows)
        .map((r) => r[0])
        .slice(0, 2),
    ).toEqual(['2', '5']);
    expect(
      sorted([{ column: 'name', direction: 'desc' }], rows)
        .slice(2)
        .every((r) => !r[1]),
    ).toBe(true);
  });

  it('breaks ties with the next column', () => {
    const rows = [
      ['1', 'b', '2'],
      ['2', 'a', '2'],
      ['3', 'c', '1'],
    ];
    const order: OrderBy[] = [
      { column: 'balance', direction: 'desc' },
      { column: 'name', direction: 'asc' },
    ];
    expect(sorted(order, rows).map((r) => r[0])).toEqual(['2', '1', '3']);
    expect(compareRows(order, COLUMNS, PATH)?.(['x', 'a', '2'], ['y', 'a', '2.0'])).toBe(0);
  });

  it('rejects an unknown column, listing the columns', () => {
    const error = failure([
      { column: 'id', direction: 'asc' },
      { column: 'balanse', direction: 'asc' },
    ]);
    expect(error.code).toBe('UNKNOWN_COLUMN');
    expect(error.message).toBe(
      'tests[0].find.order[1].column: unknown column "balanse"; the block has columns: id, name, balance',
    );
    expect(error.details).toMatchObject({
      column: 'balanse',
      path: 'tests[0].find.order[1].column',
    });
  });

  it('rejects a bad direction or entry', () => {
    const direction = failure([{ column: 'id', direction: 'up' }]);
    expect(direction.code).toBe('INVALID_INPUT');
    expect(direction.message).toBe(
      'tests[0].find.order[0].direction: expected asc or desc, got "up"',
    );
    expect(failure(['id']).message).toMatch(/^tests\[0\]\.find\.order\[0\]: /);
    expect(failure([{ direction: 'asc' }]).message).toMatch(
      /^tests\[0\]\.find\.order\[0\]\.column: /,
    );
  });
});
