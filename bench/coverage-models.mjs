// The models bench/coverage.mjs runs, shared with the process that runs one
// of them (bench/coverage-run.mjs), so a model travels by name.

const attribute = (name, values) => ({ name, type: 'VALUE', dataType: 'STRING', values });
const uniform = (count, levels) =>
  Array.from({ length: count }, (_, a) =>
    attribute(
      `a${a}`,
      Array.from({ length: levels }, (_, v) => `v${v}`),
    ),
  );

/** A seeded LCG, so the rules model is the same on every run. */
function lcg(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** 20 attributes of 2 to 6 values, and 30 rules of 2 or 3 conditions. */
function ruledModel() {
  const next = lcg(42);
  const attributes = Array.from({ length: 20 }, (_, a) =>
    attribute(
      `f${a}`,
      Array.from({ length: 2 + (a % 5) }, (_, v) => `f${a}v${v}`),
    ),
  );
  const rules = Array.from({ length: 30 }, () => {
    const conditions = {};
    const size = 2 + next(2);
    while (Object.keys(conditions).length < size) {
      const picked = attributes[next(attributes.length)];
      conditions[picked.name] = { values: [picked.values[next(picked.values.length)]] };
    }
    return { conditions };
  });
  return { attributes, rules };
}

/**
 * Each model with its goal, the calculations of allot it is run with (the
 * defaults, and for 3^13 also told the row count to settle for), the most
 * rows allot's defaults may give (the bench fails past them), and for
 * 10^20 the seeds whose rows are all held to that (`sweep`: seeds 1 to n,
 * one new process each).
 */
export const MODELS = [
  {
    name: '3^13',
    input: { attributes: uniform(13, 3) },
    goal: '<= 15 rows, < 50 ms',
    maxRows: 15,
    runs: [{ label: 'allot' }, { label: 'allot, target 15', options: { target: 15 } }],
  },
  {
    name: '2^100',
    input: { attributes: uniform(100, 2) },
    goal: '10 rows',
    maxRows: 10,
    runs: [{ label: 'allot' }],
  },
  {
    name: '10^20',
    input: { attributes: uniform(20, 10) },
    goal: '<= 180 rows within 10 s, every seed',
    maxRows: 180,
    sweep: 10,
    runs: [{ label: 'allot' }],
  },
  {
    name: '20 attributes, 30 rules',
    input: ruledModel(),
    goal: '<= 42 rows, < 1 s',
    maxRows: 42,
    runs: [{ label: 'allot' }],
  },
];
