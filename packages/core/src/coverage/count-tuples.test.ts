import { describe, expect, it } from 'vitest';
import { countTuples } from './count-tuples.js';
import type { BusinessRule, DeterminingAttribute } from './determining-attribute.js';

const attributes: DeterminingAttribute[] = ['x', 'y', 'z'].map((name) => ({
  name,
  type: 'VALUE',
  dataType: 'STRING',
  values: ['0', '1'],
}));

describe('countTuples', () => {
  it('finds the pair a set misses and the row that breaks a rule', () => {
    const rows = [
      { x: '0', y: '0', z: '0' },
      { x: '0', y: '1', z: '1' },
      { x: '1', y: '0', z: '1' },
      { x: '1', y: '1', z: '1' },
    ];
    const rules = [{ conditions: { x: { values: ['1'] }, y: { values: ['1'] } } }];
    const count = countTuples({ attributes, rules }, rows, 2);
    // x=1 ∧ y=1 is excluded by the rule: 12 pairs minus that one.
    expect(count.required).toBe(11);
    expect(count.violations).toEqual([3]);
    // Only the first row has z=0, so x=1 and y=1 never meet it.
    expect(count.missing).toEqual([
      { x: '1', z: '0' },
      { y: '1', z: '0' },
    ]);
    expect(count.covered).toBe(9);
  });

  it('excludes a tuple that only rules together make impossible', () => {
    // x=0 forces y=0 (x=0 ∧ y=1 removed), y=0 forbids z=0: so x=0 ∧ z=0 cannot occur.
    const rules: BusinessRule[] = [
      { conditions: { x: { values: ['0'] }, y: { values: ['1'] } } },
      { conditions: { y: { values: ['0'] }, z: { values: ['0'] } } },
    ];
    const count = countTuples({ attributes, rules }, [], 2);
    expect(count.required).toBe(12 - 3);
  });
});
