import { describe, expect, it } from 'vitest';
import { CoverageInputError } from './coverage-input-error.js';
import type { DeterminingAttribute } from './determining-attribute.js';
import { validateBusinessRule } from './validate-business-rule.js';

const attributes: DeterminingAttribute[] = [
  { name: 'has_app', type: 'VALUE', dataType: 'STRING', values: ['0', '1'] },
  {
    name: 'acct_type',
    type: 'VALUE',
    dataType: 'STRING',
    values: ['Checking', 'Savings', 'Current'],
  },
  { name: 'count', type: 'VALUE', dataType: 'NUMBER', values: [1, 2] },
  {
    name: 'amount',
    type: 'RANGE',
    dataType: 'NUMBER',
    values: [
      { minValue: 0.01, maxValue: 250 },
      { minValue: 250.01, maxValue: 2500 },
    ],
  },
];

function pathOf(input: unknown): string {
  try {
    validateBusinessRule(input, attributes, 'entity');
  } catch (error) {
    if (error instanceof CoverageInputError) return error.path;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateBusinessRule', () => {
  it("accepts the reference's complex rule shape and returns the attribute's own values", () => {
    const rule = validateBusinessRule(
      {
        conditions: {
          has_app: { values: ['0'] },
          acct_type: { values: ['Checking', 'Savings'] },
          count: { values: ['2'] },
          amount: { values: [{ minValue: 0.01, maxValue: 250 }, '250.01..2500'] },
        },
      },
      attributes,
    );
    expect(rule.conditions['count']).toEqual({ values: [2] });
    expect(rule.conditions['amount']?.values).toEqual([
      { minValue: 0.01, maxValue: 250 },
      { minValue: 250.01, maxValue: 2500 },
    ]);
  });

  it.each([
    [{}, 'entity.conditions'],
    [{ conditions: {} }, 'entity.conditions'],
    [{ conditions: { balance: { values: ['1'] } } }, 'entity.conditions.balance'],
    [{ conditions: { acct_type: { values: [] } } }, 'entity.conditions.acct_type.values'],
    [{ conditions: { acct_type: ['Checking'] } }, 'entity.conditions.acct_type.values'],
    [
      { conditions: { acct_type: { values: ['Checking', 'Loan'] } } },
      'entity.conditions.acct_type.values[1]',
    ],
    [
      { conditions: { amount: { values: [{ minValue: 0, maxValue: 250 }] } } },
      'entity.conditions.amount.values[0]',
    ],
  ])('refuses %j at %s', (input, path) => {
    expect(pathOf(input)).toBe(path);
  });
});
