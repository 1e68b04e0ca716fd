import { describe, expect, it } from 'vitest';
import { childPath } from './child-path.js';

describe('childPath', () => {
  it('joins identifiers with dots, indexes and other keys with brackets', () => {
    expect(childPath('tests[3].find.where', 'balance')).toBe('tests[3].find.where.balance');
    expect(childPath('tests[3].find.where.or', 1)).toBe('tests[3].find.where.or[1]');
    expect(childPath('w', 'first name')).toBe('w["first name"]');
    expect(childPath('', 'balance')).toBe('balance');
  });
});
