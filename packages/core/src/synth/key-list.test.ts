import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScalarValue } from './field-tree.js';
import { KeyList } from './key-list.js';

describe('a list of referenced keys', () => {
  it('reads back every key pushed, in order, whatever the keys', () => {
    const key: fc.Arbitrary<ScalarValue> = fc.oneof(
      { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
      fc.constantFrom<ScalarValue>('', 'Zürich', '東京', '\ud800x', 7, 2.5, true, null),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const list = new KeyList();
        for (const k of keys) list.push(k);
        expect(list.length).toBe(keys.length);
        expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(keys);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps many string keys as bytes past its first buffers', () => {
    const list = new KeyList();
    const keys = Array.from({ length: 50_000 }, (_, i) => `CUST-${String(i).padStart(7, '0')}`);
    for (const k of keys) list.push(k);
    list.push('Ünïcode');
    expect(list.length).toBe(50_001);
    expect(list.at(0)).toBe('CUST-0000000');
    expect(list.at(49_999)).toBe(keys[49_999]);
    expect(list.at(50_000)).toBe('Ünïcode');
  });
});
