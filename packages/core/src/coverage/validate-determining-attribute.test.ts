import { describe, expect, it } from 'vitest';
import { CoverageInputError } from './coverage-input-error.js';
import { validateDeterminingAttribute } from './validate-determining-attribute.js';

function refusal(input: unknown): { path: string; message: string; code: string } {
  try {
    validateDeterminingAttribute(input, 'entity');
  } catch (error) {
    if (!(error instanceof CoverageInputError)) throw error;
    return { path: error.path, message: error.message, code: error.code };
  }
  throw new Error('expected a refusal');
}

describe('validateDeterminingAttribute', () => {
  it("accepts the reference's numerical range attribute", () => {
    const attribute = validateDeterminingAttribute({
      name: 'amount_1',
      dataType: 'NUMBER',
      type: 'RANGE',
      values: [
        { minValue: 0.01, maxValue: 250 },
        { minValue: 250.01, maxValue: 2500 },
        { minValue: 2500.01, maxValue: 25000 },
      ],
    });
    expect(attribute).toMatchObject({ name: 'amount_1', type: 'RANGE', dataType: 'NUMBER' });
    expect(attribute.values).toHaveLength(3);
  });

  it('defaults a value attribute to STRING and keeps its source column', () => {
    const attribute = validateDeterminingAttribute({
      name: 'acct_type',
      type: 'VALUE',
      values: ['Checking', 'Savings', 'Current'],
      source: { name: 'imp_accounts', version: '1.0', attribute: 'account_type' },
    });
    expect(attribute).toEqual({
      name: 'acct_type',
      type: 'VALUE',
      dataType: 'STRING',
      values: ['Checking', 'Savings', 'Current'],
      source: { name: 'imp_accounts', version: '1.0', attribute: 'account_type' },
    });
  });

  it("reads the reference's string priorities as numbers and its group-by criteria", () => {
    const attribute = validateDeterminingAttribute({
      name: 'has_app',
      type: 'VALUE',
      values: ['0', '1'],
      source: { name: 'customers', version: '1.0' },
      valuesPriority: { '0': '1', '1': '2' },
      criteria: { '0': 'customer_type', '1': 'customer_type' },
    });
    expect(attribute.valuesPriority).toEqual({ '0': 1, '1': 2 });
    expect(attribute.criteria).toEqual({ '0': 'customer_type', '1': 'customer_type' });
    expect(attribute.source?.attribute).toBe('has_app');
  });

  it('normalises NUMBER, BOOLEAN and DATE values and infers a DATE range', () => {
    expect(
      validateDeterminingAttribute({
        name: 'n',
        type: 'VALUE',
        dataType: 'NUMBER',
        values: ['1', 2.5],
      }).values,
    ).toEqual([1, 2.5]);
    expect(
      validateDeterminingAttribute({
        name: 'b',
        type: 'VALUE',
        dataType: 'BOOLEAN',
        values: ['TRUE', false],
      }).values,
    ).toEqual([true, false]);
    const dates = validateDeterminingAttribute({
      name: 'opened',
      type: 'RANGE',
      values: [
        { minValue: '2020-01-01', maxValue: '2020-12-31' },
        { minValue: '2021-01-01', maxValue: '2021-12-31' },
      ],
    });
    expect(dates.dataType).toBe('DATE');
  });

  it.each([
    [{ type: 'VALUE', values: ['a', 'b'] }, 'entity.name'],
    [{ name: 'x', values: ['a', 'b'] }, 'entity.type'],
    [{ name: 'x', type: 'VALUE', values: ['a'] }, 'entity.values'],
    [{ name: 'x', type: 'VALUE' }, 'entity.values'],
    [{ name: 'x', type: 'VALUE', values: ['a', 'a'] }, 'entity.values[1]'],
    [{ name: 'x', type: 'VALUE', dataType: 'TEXT', values: ['a', 'b'] }, 'entity.dataType'],
    [{ name: 'x', type: 'VALUE', dataType: 'NUMBER', values: [1, 'two'] }, 'entity.values[1]'],
    [
      { name: 'x', type: 'VALUE', dataType: 'DATE', values: ['2024-01-01', '2024-02-30'] },
      'entity.values[1]',
    ],
    [
      { name: 'x', type: 'RANGE', values: [{ minValue: 1, maxValue: 2 }, { minValue: 3 }] },
      'entity.values[1].maxValue',
    ],
    [
      { name: 'x', type: 'RANGE', values: [{ maxValue: 2 }, { minValue: 3, maxValue: 4 }] },
      'entity.values[0].minValue',
    ],
    [
      {
        name: 'x',
        type: 'RANGE',
        values: [
          { minValue: 5, maxValue: 1 },
          { minValue: 6, maxValue: 7 },
        ],
      },
      'entity.values[0].maxValue',
    ],
    [
      {
        name: 'x',
        type: 'RANGE',
        values: [
          { minValue: 1, maxValue: 10 },
          { minValue: 10, maxValue: 20 },
        ],
      },
      'entity.values[1]',
    ],
    [
      {
        name: 'x',
        type: 'RANGE',
        values: [
          { minValue: 20, maxValue: 30 },
          { minValue: 1, maxValue: 25 },
        ],
      },
      'entity.values[0]',
    ],
    [
      {
        name: 'x',
        type: 'RANGE',
        dataType: 'STRING',
        values: [
          { minValue: 1, maxValue: 2 },
          { minValue: 3, maxValue: 4 },
        ],
      },
      'entity.dataType',
    ],
    [
      { name: 'x', type: 'VALUE', values: ['a', 'b'], valuesPriority: { c: 1 } },
      'entity.valuesPriority.c',
    ],
    [
      { name: 'x', type: 'VALUE', values: ['a', 'b'], valuesPriority: { a: 'high' } },
      'entity.valuesPriority.a',
    ],
    [{ name: 'x', type: 'VALUE', values: ['a', 'b'], criteria: { a: 'y' } }, 'entity.criteria'],
    [
      {
        name: 'x',
        type: 'VALUE',
        values: ['a', 'b'],
        source: { name: 'b', version: '1.0' },
        criteria: { c: 'y' },
      },
      'entity.criteria.c',
    ],
    [
      { name: 'x', type: 'VALUE', values: ['a', 'b'], source: { name: 'b' } },
      'entity.source.version',
    ],
  ])('refuses %j at %s with INVALID_INPUT', (input, path) => {
    const { path: got, code, message } = refusal(input);
    expect({ got, code }).toEqual({ got: path, code: 'INVALID_INPUT' });
    expect(message.startsWith(`${path}: `)).toBe(true);
  });
});
