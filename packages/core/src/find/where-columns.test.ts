import { describe, expect, it } from 'vitest';
import { whereColumns } from './where-columns.js';

describe('whereColumns', () => {
  it('lists each column once in first-seen order, through combinators', () => {
    expect(
      whereColumns({
        status: 'locked',
        or: [{ tier: 'gold' }, { not: { country: { in: ['DE'] }, status: 'x' } }],
        and: [{ balance: { gt: 1, not: { eq: 5 } } }],
      }),
    ).toEqual(['status', 'tier', 'country', 'balance']);
  });

  it('is empty for an empty where', () => {
    expect(whereColumns(undefined)).toEqual([]);
    expect(whereColumns({})).toEqual([]);
  });

  it('skips malformed parts', () => {
    expect(whereColumns({ and: 'x', or: [1, { a: 1 }], not: null } as never)).toEqual(['a']);
  });
});
