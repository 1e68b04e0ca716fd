import { describe, expect, it } from 'vitest';
import { matchClasses } from './match-classes.js';

describe('matchClasses', () => {
  it('gives both tests a row where greedy first-fit gives one', () => {
    // A accepts rows 1 and 2, B only row 1: greedy in order gives A row 1 and fails B.
    const [a, b] = matchClasses([
      { demand: 1, candidates: [1, 2] },
      { demand: 1, candidates: [1] },
    ]);
    expect(a).toEqual([2]);
    expect(b).toEqual([1]);
  });

  it('fills as many slots as possible and never repeats a row', () => {
    const classes = [
      { demand: 2, candidates: [1, 2, 3] },
      { demand: 2, candidates: [1, 2] },
      { demand: 1, candidates: [3, 4] },
    ];
    const assigned = matchClasses(classes);
    const all = assigned.flat();
    expect(all).toHaveLength(4); // rows 1-4: class 0 can get only row 3 once class 1 has rows 1 and 2
    expect(new Set(all).size).toBe(all.length);
    assigned.forEach((rows, i) =>
      rows.forEach((row) => expect(Array.from(classes[i]!.candidates)).toContain(row)),
    );
  });

  it('respects the order of preference inside a class', () => {
    const [only] = matchClasses([{ demand: 2, candidates: [9, 3, 7, 1] }]);
    expect(only).toEqual([9, 3]);
  });

  it('is deterministic', () => {
    const classes = Array.from({ length: 30 }, (_, c) => ({
      demand: 1 + (c % 3),
      candidates: Array.from({ length: 20 }, (_, i) => (c * 7 + i * 13) % 50),
    })).map((c) => ({ ...c, candidates: [...new Set(c.candidates)] }));
    expect(matchClasses(classes)).toEqual(matchClasses(classes));
  });

  it('finds the maximum on random graphs (checked against brute force augmenting paths)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 200; round++) {
      const classes = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const candidates = [
          ...new Set(
            Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * 8)),
          ),
        ];
        return { demand: 1 + Math.floor(random() * 3), candidates };
      });
      const got = matchClasses(classes).flat().length;
      expect(got).toBe(bruteForceMaximum(classes));
      // Scans hand candidates over as typed arrays: the same rows come back.
      const typed = classes.map((c) => ({ ...c, candidates: Int32Array.from(c.candidates) }));
      expect(matchClasses(typed)).toEqual(matchClasses(classes));
    }
  });
});

/** Kuhn's algorithm over explicit slots: slow, obviously right. */
function bruteForceMaximum(classes: Array<{ demand: number; candidates: number[] }>): number {
  const slots = classes.flatMap((c) => Array.from({ length: c.demand }, () => c.candidates));
  const owner = new Map<number, number>();
  const tryAssign = (slot: number, seen: Set<number>): boolean => {
    for (const row of slots[slot]!) {
      if (seen.has(row)) continue;
      seen.add(row);
      const current = owner.get(row);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(row, slot);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  slots.forEach((_, slot) => {
    if (tryAssign(slot, new Set())) matched++;
  });
  return matched;
}
