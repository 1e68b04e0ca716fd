import { describe, expect, it } from 'vitest';
import { classesToWiden, firstLimit, widerLimit } from './candidate-limits.js';
import { matchClasses } from './match-classes.js';

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slots = (assigned: number[][]) => assigned.reduce((n, rows) => n + rows.length, 0);

describe('candidate limits', () => {
  it('asks a class for twice its demand and a margin, never more than the whole demand', () => {
    expect(firstLimit(10, 10_000)).toBe(84);
    expect(firstLimit(10, 50)).toBe(50);
    expect(widerLimit(84, 10_000)).toBe(336);
    expect(widerLimit(84, 100)).toBe(100);
  });

  it('widens the cut class a short class reaches through the rows it holds', () => {
    // Class 0 wants rows 1 and 2, both held by class 1, whose list was cut after them.
    const lists = [
      { demand: 1, candidates: [1, 2], assigned: [], complete: true },
      { demand: 2, candidates: [1, 2], assigned: [1, 2], complete: false },
      { demand: 1, candidates: [3], assigned: [3], complete: false },
    ];
    expect(classesToWiden(lists)).toEqual([1]);
    // Class 1's list is whole: nothing a longer list could change.
    expect(classesToWiden(lists.map((l) => ({ ...l, complete: true })))).toEqual([]);
    // Nobody short: the matching is maximal whatever was cut.
    expect(classesToWiden(lists.slice(1))).toEqual([]);
  });

  it('a short class with a cut list is widened itself', () => {
    expect(
      classesToWiden([{ demand: 3, candidates: [1, 2], assigned: [1, 2], complete: false }]),
    ).toEqual([0]);
  });

  it('matches as many slots over cut lists, widened until no class is flagged, as over whole lists', () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const rowCount = 5 + Math.floor(next() * 40);
      const classes = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const density = next();
        const rows = Array.from({ length: rowCount }, (_, r) => r).filter(() => next() < density);
        // Each class prefers its rows in an order of its own.
        rows.sort(() => next() - 0.5);
        return { demand: 1 + Math.floor(next() * 6), candidates: rows };
      });
      const total = classes.reduce((n, c) => n + c.demand, 0);
      const best = slots(matchClasses(classes));
      // Start each list at its demand alone and widen one row at a time: the tightest cuts.
      const limits = classes.map((c) => c.demand);
      for (;;) {
        const cut = classes.map((c, i) => ({
          demand: c.demand,
          candidates: c.candidates.slice(0, limits[i]),
        }));
        const assigned = matchClasses(cut);
        const widen = classesToWiden(
          cut.map((c, i) => ({
            ...c,
            assigned: assigned[i] as number[],
            complete: c.candidates.length < (limits[i] as number) || (limits[i] as number) >= total,
          })),
        );
        if (widen.length === 0) {
          expect(slots(assigned), `trial ${trial}`).toBe(best);
          break;
        }
        for (const i of widen) limits[i] = (limits[i] as number) + 1;
      }
    }
  });
});
