import { describe, expect, it } from 'vitest';
import type { RowObject } from '../model/block-version.js';
import { coverFromRows } from './cover-from-rows.js';
import { countTuples } from './count-tuples.js';
import type { DeterminingAttribute } from './determining-attribute.js';

const attributes: DeterminingAttribute[] = ['x', 'y', 'z'].map((name) => ({
  name,
  type: 'VALUE',
  dataType: 'STRING',
  values: ['0', '1'],
}));

describe('coverFromRows', () => {
  it('chooses the fewest rows that cover every pair the data covers, and lists the pairs it lacks', () => {
    // Every row but the last repeats pairs; no row has x=1 with z=1.
    const rows: RowObject[] = [
      { x: '0', y: '0', z: '0' },
      { x: '0', y: '0', z: '1' },
      { x: '0', y: '1', z: '0' },
      { x: '0', y: '1', z: '1' },
      { x: '1', y: '0', z: '0' },
      { x: '1', y: '1', z: '0' },
      { x: '0', y: '0', z: '0' },
    ];
    const result = coverFromRows({ attributes }, rows);
    expect(result.missing).toEqual([{ x: '1', z: '1' }]);
    expect(result).toMatchObject({ tuplesRequired: 12, tuplesCovered: 11, excluded: [] });
    const chosen = result.rows.map((r) => rows[r]! as Record<string, string>);
    // Five is the fewest: x=0∧z=0, y=0∧z=1 and y=1∧z=1 each need a row of their own besides the x∧y pairs.
    expect(chosen).toHaveLength(5);
    expect(countTuples({ attributes }, chosen, 2).covered).toBe(11);
  });

  it('leaves out rows that break a rule and reads ranges from the source column', () => {
    const withRange: DeterminingAttribute[] = [
      attributes[0]!,
      {
        name: 'amount',
        type: 'RANGE',
        dataType: 'NUMBER',
        values: [
          { minValue: 0, maxValue: 10 },
          { minValue: 11, maxValue: 20 },
        ],
        source: { name: 'b', version: '1.0', attribute: 'balance' },
      },
    ];
    const rules = [
      {
        conditions: { x: { values: ['1'] }, amount: { values: [{ minValue: 11, maxValue: 20 }] } },
      },
    ];
    const rows: RowObject[] = [
      { x: '0', balance: '5' },
      { x: '1', balance: '15' },
      { x: '1', balance: 3 },
      { x: '0', balance: '12.5' },
      { x: '0', balance: '99' },
    ];
    const result = coverFromRows({ attributes: withRange, rules }, rows, { strength: 2 });
    expect(result.excluded).toEqual([1]);
    expect(result.rows.sort()).toEqual([0, 2, 3]);
    expect(result).toMatchObject({ tuplesRequired: 3, tuplesCovered: 3, missing: [] });
  });
});
