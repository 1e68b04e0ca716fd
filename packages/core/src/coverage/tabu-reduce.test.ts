import { describe, expect, it } from 'vitest';
import { compileCoverageModel } from './coverage-model.js';
import { orbitRows } from './orbit-rows.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';
import { tabuReduce, type TabuOptions } from './tabu-reduce.js';
import { tupleOf, tupleSpace } from './tuple-space.js';

const attributes = (count: number, levels: number) =>
  Array.from({ length: count }, (_, a) => ({
    name: `a${a}`,
    type: 'VALUE' as const,
    dataType: 'STRING' as const,
    values: Array.from({ length: levels }, (_, v) => `v${v}`),
  }));

/** A seeded source that counts its draws: every move draws at least once. */
function counting(seed: string): SeededRandom & { draws: number } {
  const random = seededRandom(seed);
  const counted = {
    draws: 0,
    next: () => {
      counted.draws++;
      return random.next();
    },
    below: (n: number) => Math.floor(counted.next() * n),
  };
  return counted;
}

describe('tabuReduce', () => {
  it('takes a start it cannot better within its opening as settled (3^13 in 15 rows)', () => {
    const model = compileCoverageModel({ attributes: attributes(13, 3) });
    const space = tupleSpace(model, 2);
    const search: TabuOptions = { moves: 50_000, patience: 2808, floor: 9, tenure: 3 };
    const start = orbitRows(model, seededRandom('1:orbit'), search)!;
    expect(start).toHaveLength(15);
    const patient = counting('tabu');
    const opened = counting('tabu');
    const full = tabuReduce(model, space, start, patient, search);
    const short = tabuReduce(model, space, start, opened, { ...search, opening: 195 });
    // 15 is the fewest rows 3^13 can have: neither search finds 14, the opening gives up far sooner.
    expect(full).toHaveLength(15);
    expect(short).toHaveLength(15);
    expect(patient.draws).toBeGreaterThanOrEqual(2808);
    expect(opened.draws).toBeLessThan(patient.draws / 5);
    const covered = new Set(short.flatMap((row) => space.combos.map((c) => tupleOf(c, row))));
    expect(covered.size).toBe(space.requiredCount);
  });
});
