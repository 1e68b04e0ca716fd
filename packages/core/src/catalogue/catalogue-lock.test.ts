import { describe, expect, it } from 'vitest';
import { CatalogueLockedError } from './catalogue-errors.js';
import { checkUnlock, liveLock, lockFor } from './catalogue-lock.js';
import type { CatalogueRecord } from './catalogue-record.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const record = (lock: CatalogueRecord['lock']): CatalogueRecord => ({
  kind: 'coverage-set',
  workspace: 'w',
  project: null,
  name: 'checkout',
  id: 'a'.repeat(24),
  version: '1.2',
  body: {},
  createdBy: 'ann',
  createdAt: T0.toISOString(),
  updatedBy: 'ann',
  updatedAt: T0.toISOString(),
  lock,
});

describe('catalogue locks', () => {
  const held = { holder: 'ann', since: T0.toISOString(), timeoutSeconds: 30 };

  it('lapse at their timeout, or never without one', () => {
    expect(liveLock(held, at(29))).toBe(held);
    expect(liveLock(held, at(30))).toBeNull();
    expect(liveLock({ ...held, timeoutSeconds: null }, at(1e9))).not.toBeNull();
  });

  it('refuse someone else with an error naming the holder, unless forced', () => {
    const error = (() => {
      try {
        lockFor(record(held), { holder: 'bob' }, at(1));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CatalogueLockedError);
    expect(error).toMatchObject({
      code: 'CATALOGUE_LOCKED',
      holder: 'ann',
      details: { kind: 'coverage-set', name: 'checkout', version: '1.2', holder: 'ann' },
    });
    expect(lockFor(record(held), { holder: 'bob', force: true }, at(1)).holder).toBe('bob');
    expect(() => checkUnlock(record(held), { holder: 'bob' }, at(1))).toThrow(/locked by ann/);
    expect(() => checkUnlock(record(held), { holder: 'bob' }, at(31))).not.toThrow();
  });

  it('renew for their holder and refuse a timeout that is not a positive whole number', () => {
    expect(lockFor(record(held), { holder: 'ann', timeoutSeconds: 5 }, at(10))).toEqual({
      holder: 'ann',
      since: at(10).toISOString(),
      timeoutSeconds: 5,
    });
    for (const timeoutSeconds of [0, -1, 1.5])
      expect(() => lockFor(record(null), { holder: 'ann', timeoutSeconds }, T0)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
  });
});
