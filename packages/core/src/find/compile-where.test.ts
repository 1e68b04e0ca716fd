import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import type { Where } from '../model/pool-definition.js';
import { compileWhere } from './compile-where.js';

const COLUMNS = ['id', 'email', 'balance', 'status', 'active', 'opened', 'tier', 'country'];
const PATH = 'tests[3].find.where';

/** Builds a row from the named cells; other cells are null. */
function row(cells: Record<string, RowValues[number]>): RowValues {
  return COLUMNS.map((column) => (column in cells ? (cells[column] ?? null) : null));
}

function matches(where: Where | undefined, cells: Record<string, RowValues[number]>): boolean {
  return compileWhere(where, COLUMNS, PATH)(row(cells));
}

function failure(where: Where): AllotError {
  try {
    compileWhere(where, COLUMNS, PATH);
  } catch (error) {
    if (error instanceof AllotError) return error;
    throw error;
  }
  throw new Error('expected an AllotError');
}

describe('compileWhere', () => {
  describe('shape', () => {
    it('matches every row when the where is missing or empty', () => {
      expect(matches(undefined, {})).toBe(true);
      expect(matches({}, { status: 'x' })).toBe(true);
    });

    it('ANDs several keys of one object', () => {
      const where = { status: 'locked', tier: 'gold' };
      expect(matches(where, { status: 'locked', tier: 'gold' })).toBe(true);
      expect(matches(where, { status: 'locked', tier: 'silver' })).toBe(false);
    });

    it('combines with and, or and not, nested', () => {
      const where: Where = {
        status: 'locked',
        or: [{ tier: 'gold' }, { not: { country: { in: ['DE', 'FR'] } } }],
      };
      expect(matches(where, { status: 'locked', tier: 'gold', country: 'DE' })).toBe(true);
      expect(matches(where, { status: 'locked', tier: 'silver', country: 'US' })).toBe(true);
      expect(matches(where, { status: 'locked', tier: 'silver', country: 'FR' })).toBe(false);
      expect(matches(where, { status: 'open', tier: 'gold' })).toBe(false);

      const deep: Where = {
        and: [
          { or: [{ tier: 'gold' }, { tier: 'silver' }] },
          { not: { and: [{ country: 'DE' }, { active: true }] } },
        ],
      };
      expect(matches(deep, { tier: 'silver', country: 'DE', active: false })).toBe(true);
      expect(matches(deep, { tier: 'silver', country: 'DE', active: true })).toBe(false);
      expect(matches(deep, { tier: 'bronze' })).toBe(false);
    });

    it('treats and: [] as true and or: [] as false', () => {
      expect(matches({ and: [] }, {})).toBe(true);
      expect(matches({ or: [] }, {})).toBe(false);
    });

    it('ORs three or more branches and ANDs three or more keys', () => {
      const or: Where = { or: [{ tier: 'a' }, { tier: 'b' }, { tier: 'c' }] };
      expect(matches(or, { tier: 'c' })).toBe(true);
      expect(matches(or, { tier: 'd' })).toBe(false);
      const and: Where = { tier: 'a', status: 'b', country: 'c' };
      expect(matches(and, { tier: 'a', status: 'b', country: 'c' })).toBe(true);
      expect(matches(and, { tier: 'a', status: 'b', country: 'x' })).toBe(false);
    });

    it('reads a cell missing from a short row as null', () => {
      const test = compileWhere({ country: null }, COLUMNS, PATH);
      expect(test(['1'])).toBe(true);
      expect(compileWhere({ country: 'DE' }, COLUMNS, PATH)(['1'])).toBe(false);
    });
  });

  describe('equality', () => {
    it('compares strings exactly', () => {
      expect(matches({ status: 'locked' }, { status: 'locked' })).toBe(true);
      expect(matches({ status: 'locked' }, { status: 'Locked' })).toBe(false);
      expect(matches({ status: 'locked' }, { status: 'locked ' })).toBe(false);
      expect(matches({ status: 'locked' }, { status: null })).toBe(false);
    });

    it('compares a string operand with a number cell through its String()', () => {
      expect(matches({ balance: '100' }, { balance: 100 })).toBe(true);
      expect(matches({ balance: '100.0' }, { balance: 100 })).toBe(false);
      expect(matches({ balance: '1.5' }, { balance: 1.5 })).toBe(true);
      expect(matches({ active: 'true' }, { active: true })).toBe(true);
    });

    it('compares numbers numerically, CSV strings included', () => {
      expect(matches({ balance: 100 }, { balance: '100' })).toBe(true);
      expect(matches({ balance: 100 }, { balance: '100.0' })).toBe(true);
      expect(matches({ balance: 100 }, { balance: '1e2' })).toBe(true);
      expect(matches({ balance: 100 }, { balance: 100 })).toBe(true);
      expect(matches({ balance: -1.5 }, { balance: '-1.5' })).toBe(true);
      expect(matches({ balance: 100 }, { balance: '101' })).toBe(false);
    });

    it('does not take blanks, words or hex as numbers', () => {
      expect(matches({ balance: 0 }, { balance: '' })).toBe(false);
      expect(matches({ balance: 0 }, { balance: ' ' })).toBe(false);
      expect(matches({ balance: 0 }, { balance: null })).toBe(false);
      expect(matches({ balance: 0 }, { balance: false })).toBe(false);
      expect(matches({ balance: 16 }, { balance: '0x10' })).toBe(false);
      expect(matches({ balance: 100 }, { balance: ' 100' })).toBe(false);
      expect(matches({ balance: 1 }, { balance: 'abc' })).toBe(false);
    });

    it('matches booleans against booleans and true/false strings in any case', () => {
      expect(matches({ active: true }, { active: true })).toBe(true);
      expect(matches({ active: true }, { active: 'true' })).toBe(true);
      expect(matches({ active: true }, { active: 'TRUE' })).toBe(true);
      expect(matches({ active: true }, { active: 'false' })).toBe(false);
      expect(matches({ active: false }, { active: 'False' })).toBe(true);
      expect(matches({ active: false }, { active: false })).toBe(true);
      expect(matches({ active: false }, { active: '' })).toBe(false);
      expect(matches({ active: true }, { active: 'yes' })).toBe(false);
      expect(matches({ active: true }, { active: 1 })).toBe(false);
    });

    it('matches null and the empty string to null, missing and ""', () => {
      for (const operand of [null, '']) {
        expect(matches({ email: operand }, { email: null })).toBe(true);
        expect(matches({ email: operand }, { email: '' })).toBe(true);
        expect(matches({ email: operand }, { email: 'a' })).toBe(false);
        expect(matches({ email: operand }, { email: 0 })).toBe(false);
      }
    });

    it('supports eq and ne as operators', () => {
      expect(matches({ status: { eq: 'locked' } }, { status: 'locked' })).toBe(true);
      expect(matches({ status: { ne: 'locked' } }, { status: 'locked' })).toBe(false);
      expect(matches({ status: { ne: 'locked' } }, { status: 'open' })).toBe(true);
      expect(matches({ status: { ne: 'locked' } }, { status: null })).toBe(true);
      expect(matches({ balance: { ne: 100 } }, { balance: '100.00' })).toBe(false);
      expect(matches({ email: { ne: null } }, { email: '' })).toBe(false);
      expect(matches({ email: { ne: null } }, { email: 'a' })).toBe(true);
    });
  });

  describe('in', () => {
    it('matches any value with the equality of eq', () => {
      const where: Where = { country: { in: ['DE', 'FR'] } };
      expect(matches(where, { country: 'DE' })).toBe(true);
      expect(matches(where, { country: 'FR' })).toBe(true);
      expect(matches(where, { country: 'US' })).toBe(false);
      expect(matches(where, { country: null })).toBe(false);
      expect(matches({ country: { in: [] } }, { country: 'DE' })).toBe(false);
    });

    it('mixes numbers, booleans, strings and null', () => {
      const where: Where = { balance: { in: [100, '7', true, null] } };
      expect(matches(where, { balance: '100.0' })).toBe(true);
      expect(matches(where, { balance: 100 })).toBe(true);
      expect(matches(where, { balance: '7' })).toBe(true);
      expect(matches(where, { balance: 7 })).toBe(true);
      expect(matches(where, { balance: '7.0' })).toBe(false);
      expect(matches(where, { balance: 'TRUE' })).toBe(true);
      expect(matches(where, { balance: true })).toBe(true);
      expect(matches(where, { balance: false })).toBe(false);
      expect(matches(where, { balance: '' })).toBe(true);
      expect(matches(where, { balance: null })).toBe(true);
      expect(matches(where, { balance: '8' })).toBe(false);
    });

    it('matches a boolean cell by a true/false string operand', () => {
      expect(matches({ active: { in: ['false', 'x'] } }, { active: false })).toBe(true);
      expect(matches({ active: { in: ['false', 'x'] } }, { active: true })).toBe(false);
      expect(matches({ active: { in: [false, 'x'] } }, { active: 'FALSE' })).toBe(true);
    });
  });

  describe('gt, gte, lt, lte', () => {
    it('compares number operands numerically', () => {
      expect(matches({ balance: { gt: 100 } }, { balance: '100.5' })).toBe(true);
      expect(matches({ balance: { gt: 100 } }, { balance: '100' })).toBe(false);
      expect(matches({ balance: { gte: 100 } }, { balance: '100' })).toBe(true);
      expect(matches({ balance: { lt: 100 } }, { balance: '99' })).toBe(true);
      expect(matches({ balance: { lt: 100 } }, { balance: 100 })).toBe(false);
      expect(matches({ balance: { lte: 100 } }, { balance: 100 })).toBe(true);
      expect(matches({ balance: { gt: 9 } }, { balance: '10' })).toBe(true);
      expect(matches({ balance: { lt: 0 } }, { balance: '-3' })).toBe(true);
    });

    it('fails cells that are not numbers', () => {
      for (const cell of ['', null, 'abc', true, ' 5']) {
        expect(matches({ balance: { gt: -1000 } }, { balance: cell })).toBe(false);
        expect(matches({ balance: { lte: 1000 } }, { balance: cell })).toBe(false);
      }
    });

    it('combines bounds into a range', () => {
      const where: Where = { balance: { gte: 10, lt: 20 } };
      expect(matches(where, { balance: '10' })).toBe(true);
      expect(matches(where, { balance: '19.99' })).toBe(true);
      expect(matches(where, { balance: '20' })).toBe(false);
      expect(matches(where, { balance: '9' })).toBe(false);
    });

    it('compares ISO date operands as dates', () => {
      expect(matches({ opened: { gt: '2024-01-31' } }, { opened: '2024-02-01' })).toBe(true);
      expect(matches({ opened: { gt: '2024-01-31' } }, { opened: '2024-01-31' })).toBe(false);
      expect(matches({ opened: { gte: '2024-01-31' } }, { opened: '2024-01-31' })).toBe(true);
      expect(matches({ opened: { lt: '2024-01-31' } }, { opened: '2023-12-31' })).toBe(true);
      expect(
        matches({ opened: { lte: '2024-01-31T12:00:00Z' } }, { opened: '2024-01-31T11:59:59Z' }),
      ).toBe(true);
      expect(
        matches({ opened: { lt: '2024-01-31T12:00:00Z' } }, { opened: '2024-01-31T12:00:01Z' }),
      ).toBe(false);
    });

    it('fails cells that are not dates', () => {
      for (const cell of ['', null, 'soon', 20240101, false]) {
        expect(matches({ opened: { gt: '1900-01-01' } }, { opened: cell })).toBe(false);
      }
    });

    it('rejects operands that are neither numbers nor ISO dates', () => {
      const text = failure({ balance: { gt: 'abc' } });
      expect(text.code).toBe('INVALID_INPUT');
      expect(text.message).toMatch(/^tests\[3\]\.find\.where\.balance\.gt: /);
      expect(text.details).toMatchObject({ path: 'tests[3].find.where.balance.gt' });

      const quoted = failure({ balance: { gte: '100' } });
      expect(quoted.message).toContain('balance.gte');
      expect(quoted.message).toContain('without quotes');

      const flag = failure({ balance: { lt: true } as never });
      expect(flag.message).toContain(
        'tests[3].find.where.balance.lt: expected a number or an ISO date',
      );
      expect(flag.message).toContain('got a boolean');

      expect(failure({ opened: { gt: '2024-02-30' } }).message).toContain('opened.gt');
      expect(failure({ opened: { gt: '2024-13-01' } }).message).toContain('opened.gt');
      expect(failure({ balance: { lte: null } as never }).code).toBe('INVALID_INPUT');
      expect(failure({ balance: { lte: Infinity } }).code).toBe('INVALID_INPUT');
    });
  });

  describe('contains and startsWith', () => {
    it('test String(cell) and fail null', () => {
      expect(matches({ email: { contains: '@x.' } }, { email: 'a@x.io' })).toBe(true);
      expect(matches({ email: { contains: '@y.' } }, { email: 'a@x.io' })).toBe(false);
      expect(matches({ email: { contains: 'X' } }, { email: 'a@x.io' })).toBe(false);
      expect(matches({ email: { contains: '' } }, { email: null })).toBe(false);
      expect(matches({ balance: { contains: '00' } }, { balance: 100 })).toBe(true);
      expect(matches({ active: { contains: 'ru' } }, { active: true })).toBe(true);
      expect(matches({ email: { startsWith: 'qa+' } }, { email: 'qa+1@x.io' })).toBe(true);
      expect(matches({ email: { startsWith: 'qa+' } }, { email: 'dev+qa+1@x.io' })).toBe(false);
      expect(matches({ email: { startsWith: 'a' } }, { email: null })).toBe(false);
      expect(matches({ balance: { startsWith: '10' } }, { balance: 100 })).toBe(true);
      expect(matches({ email: { endsWith: '@x.io' } }, { email: 'qa+1@x.io' })).toBe(true);
      expect(matches({ email: { endsWith: 'qa+' } }, { email: 'qa+1@x.io' })).toBe(false);
      expect(matches({ balance: { endsWith: '00' } }, { balance: 100 })).toBe(true);
      expect(matches({ email: { endsWith: 'a' } }, { email: null })).toBe(false);
    });

    it('reject operands that are not strings', () => {
      const error = failure({ email: { contains: 5 } as never });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toBe(
        'tests[3].find.where.email.contains: expected a string, got a number',
      );
      expect(failure({ email: { startsWith: null } as never }).message).toContain(
        'email.startsWith',
      );
    });
  });

  describe('isNull', () => {
    it('matches null, missing and "" when true, the rest when false', () => {
      expect(matches({ email: { isNull: true } }, { email: null })).toBe(true);
      expect(matches({ email: { isNull: true } }, { email: '' })).toBe(true);
      expect(matches({ email: { isNull: true } }, { email: 'a' })).toBe(false);
      expect(matches({ email: { isNull: true } }, { email: 0 })).toBe(false);
      expect(matches({ email: { isNull: false } }, { email: 'a' })).toBe(true);
      expect(matches({ email: { isNull: false } }, { email: false })).toBe(true);
      expect(matches({ email: { isNull: false } }, { email: '' })).toBe(false);
      expect(compileWhere({ country: { isNull: true } }, COLUMNS, PATH)(['1'])).toBe(true);
    });

    it('rejects an operand that is not a boolean', () => {
      const error = failure({ email: { isNull: 'yes' } as never });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toBe(
        'tests[3].find.where.email.isNull: expected true or false, got a string',
      );
    });
  });

  describe('not inside a condition', () => {
    it('negates a condition', () => {
      const where: Where = { balance: { not: { gt: 100 } } };
      expect(matches(where, { balance: '50' })).toBe(true);
      expect(matches(where, { balance: '150' })).toBe(false);
      expect(matches(where, { balance: 'n/a' })).toBe(true);
    });

    it('negates a bare value as equality', () => {
      const where = { status: { not: 'locked' } } as unknown as Where;
      expect(matches(where, { status: 'locked' })).toBe(false);
      expect(matches(where, { status: 'open' })).toBe(true);
    });

    it('reports errors at the nested path', () => {
      expect(failure({ balance: { not: { gt: 'x' } } }).message).toMatch(
        /^tests\[3\]\.find\.where\.balance\.not\.gt: /,
      );
    });
  });

  describe('errors', () => {
    it('rejects an unknown column, listing the columns', () => {
      const error = failure({ balanse: { gt: 5 } });
      expect(error.code).toBe('UNKNOWN_COLUMN');
      expect(error.message).toBe(
        `tests[3].find.where.balanse: unknown column "balanse"; the block has columns: ${COLUMNS.join(', ')}`,
      );
      expect(error.details).toEqual({
        column: 'balanse',
        columns: COLUMNS,
        path: 'tests[3].find.where.balanse',
      });
    });

    it('locates unknown columns inside combinators', () => {
      expect(failure({ or: [{ tier: 'a' }, { not: { tierr: 'b' } }] }).message).toMatch(
        /^tests\[3\]\.find\.where\.or\[1\]\.not\.tierr: unknown column "tierr"/,
      );
      expect(failure({ 'first name': 'Ann' }).message).toMatch(
        /^tests\[3\]\.find\.where\["first name"\]: unknown column "first name"/,
      );
    });

    it('rejects an unknown operator, listing the operators', () => {
      const error = failure({ balance: { greaterThan: 5 } as never });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(
        /^tests\[3\]\.find\.where\.balance\.greaterThan: unknown operator/,
      );
      expect(error.message).toContain('gt, gte, lt, lte');
      expect(error.details).toEqual({ path: 'tests[3].find.where.balance.greaterThan' });
    });

    it('rejects an empty condition', () => {
      expect(failure({ balance: {} }).message).toMatch(
        /^tests\[3\]\.find\.where\.balance: the condition is empty/,
      );
    });

    it('rejects in without a list, or with a nested value', () => {
      const notList = failure({ country: { in: 'DE' } as never });
      expect(notList.code).toBe('INVALID_INPUT');
      expect(notList.message).toBe(
        'tests[3].find.where.country.in: expected a list of values, got a string',
      );
      expect(failure({ country: { in: ['DE', ['FR']] } as never }).message).toMatch(
        /^tests\[3\]\.find\.where\.country\.in\[1\]: /,
      );
    });

    it('rejects a list or a non-finite number as a column value', () => {
      const list = failure({ country: ['DE', 'FR'] as never });
      expect(list.code).toBe('INVALID_INPUT');
      expect(list.message).toContain('tests[3].find.where.country: ');
      expect(list.message).toContain('{ in: [...] }');
      expect(failure({ balance: NaN }).code).toBe('INVALID_INPUT');
      expect(failure({ balance: { eq: Infinity } }).message).toContain('balance.eq');
    });

    it('rejects malformed combinators', () => {
      expect(failure({ and: { tier: 'a' } } as never).message).toBe(
        'tests[3].find.where.and: expected a list of conditions, got an object',
      );
      expect(failure({ or: ['tier'] } as never).message).toMatch(
        /^tests\[3\]\.find\.where\.or\[0\]: /,
      );
      expect(failure({ not: [] } as never).message).toMatch(
        /^tests\[3\]\.find\.where\.not: .*got an array/,
      );
    });

    it('rejects a where that is not an object', () => {
      expect(() => compileWhere([] as never, COLUMNS, PATH)).toThrow(/^tests\[3\]\.find\.where: /);
    });
  });
});
