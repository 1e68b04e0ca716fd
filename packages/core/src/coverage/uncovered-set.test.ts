import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { UncoveredSet } from './uncovered-set.js';

const membersOf = (set: UncoveredSet) =>
  [...set.members.subarray(0, set.size)].sort((a, b) => a - b);

describe('UncoveredSet', () => {
  it('holds what was added and not removed, whatever the order', () => {
    const set = new UncoveredSet(10, 4);
    for (const i of [7, 2, 9]) set.add(i);
    set.remove(7);
    set.add(0);
    set.add(5);
    expect(set.size).toBe(4);
    expect(membersOf(set)).toEqual([0, 2, 5, 9]);
    set.remove(5);
    set.remove(0);
    set.remove(9);
    set.remove(2);
    expect(set.size).toBe(0);
  });

  it('property: agrees with a Set over random adds and removes', () => {
    const random = seededRandom(7);
    const bound = 50;
    const set = new UncoveredSet(bound);
    const model = new Set<number>();
    for (let step = 0; step < 5000; step++) {
      const i = random.below(bound);
      if (model.has(i)) {
        set.remove(i);
        model.delete(i);
      } else {
        set.add(i);
        model.add(i);
      }
      expect(set.size).toBe(model.size);
    }
    expect(membersOf(set)).toEqual([...model].sort((a, b) => a - b));
  });
});
