import { describe, expect, it } from 'vitest';
import type { Where } from '../model/pool-definition.js';
import { describeWhere } from './describe-where.js';

describe('describeWhere', () => {
  it('says any row for an empty where', () => {
    expect(describeWhere(undefined)).toBe('any row');
    expect(describeWhere({})).toBe('any row');
    expect(describeWhere({ and: [] })).toBe('any row');
  });

  it('joins keys with and, and parenthesises or groups', () => {
    const where: Where = {
      status: 'locked',
      balance: { gt: 100 },
      or: [{ tier: 'gold' }, { not: { country: { in: ['DE', 'FR'] } } }],
    };
    expect(describeWhere(where)).toBe(
      'status = locked and balance > 100 and (tier = gold or not country in [DE, FR])',
    );
  });

  it('names every operator', () => {
    const where: Where = {
      a: { eq: 1 },
      b: { ne: 'x' },
      c: { gte: 1, lte: 5 },
      d: { lt: '2024-01-31' },
      e: { contains: '@x' },
      f: { startsWith: 'qa' },
      g: { isNull: true },
      h: { isNull: false },
      i: { not: { in: [1, 2] } },
    };
    expect(describeWhere(where)).toBe(
      'a = 1 and b != x and c >= 1 and c <= 5 and d < 2024-01-31 and e contains @x' +
        ' and f starts with qa and g is empty and h is not empty and not i in [1, 2]',
    );
  });

  it('quotes strings that would read ambiguously', () => {
    expect(describeWhere({ name: 'Ann Lee', note: '', flag: 'true', n: null, b: true })).toBe(
      'name = "Ann Lee" and note = "" and flag = "true" and n = null and b = true',
    );
  });

  it('parenthesises negated groups and and-groups inside or', () => {
    expect(describeWhere({ not: { a: 1, b: 2 } })).toBe('not (a = 1 and b = 2)');
    expect(describeWhere({ or: [{ a: 1, b: 2 }, { c: 3 }] })).toBe('(a = 1 and b = 2) or c = 3');
    expect(describeWhere({ a: { not: { gt: 1, lt: 5 } } })).toBe('not (a > 1 and a < 5)');
  });

  it('flattens nested groups of the same kind and unwraps single items', () => {
    expect(describeWhere({ and: [{ a: 1 }, { and: [{ b: 2 }, { c: 3 }] }] })).toBe(
      'a = 1 and b = 2 and c = 3',
    );
    expect(describeWhere({ or: [{ a: 1 }] })).toBe('a = 1');
    expect(describeWhere({ or: [] })).toBe('no row');
  });

  it('describes malformed input without throwing', () => {
    expect(describeWhere({ a: { between: [1, 2] } } as never)).toBe('a between [1, 2]');
    expect(describeWhere({ and: { a: 1 } } as never)).toBe('a = 1');
  });
});
