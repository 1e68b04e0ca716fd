import { describe, expect, it } from 'vitest';
import type { Find } from '../model/pool-definition.js';
import { findKey } from './find-key.js';

describe('findKey', () => {
  it('is the same for finds that differ only in key order', () => {
    const a: Find = { from: 'customers', where: { status: 'locked', balance: { lt: 5, gt: 1 } } };
    const b: Find = { where: { balance: { gt: 1, lt: 5 }, status: 'locked' }, from: 'customers' };
    expect(findKey(a)).toBe(findKey(b));
  });

  it('sorts keys inside arrays of objects but keeps array order', () => {
    const a: Find = {
      where: { or: [{ x: 1, y: 2 }, { z: 3 }] },
      order: [{ column: 'x', direction: 'asc' }],
    };
    const b: Find = {
      order: [{ direction: 'asc', column: 'x' }],
      where: { or: [{ y: 2, x: 1 }, { z: 3 }] },
    };
    expect(findKey(a)).toBe(findKey(b));
    const swapped: Find = {
      where: { or: [{ z: 3 }, { x: 1, y: 2 }] },
      order: [{ column: 'x', direction: 'asc' }],
    };
    expect(findKey(swapped)).not.toBe(findKey(a));
  });

  it('differs for different finds', () => {
    expect(findKey({ where: { a: 1 } })).not.toBe(findKey({ where: { a: '1' } }));
    expect(findKey({ from: 'x' })).not.toBe(findKey({ from: 'x@1.0' }));
  });

  it('is plain JSON', () => {
    expect(findKey({ where: { b: null, a: { in: [2, 1] } }, from: 'c' })).toBe(
      '{"from":"c","where":{"a":{"in":[2,1]},"b":null}}',
    );
    expect(findKey({ from: 'c', where: undefined })).toBe('{"from":"c"}');
  });
});
