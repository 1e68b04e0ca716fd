// Benchmark: pairwise coverage, our rows and time beside covertable's (npm),
// on four models, each generated set checked by the core's independent tuple
// counter (every required pair covered, no rule broken). Times are wall
// clock and this process's CPU time, since a shared machine stretches the
// first. Each library first runs once on a small model, so the figures are
// of compiled code, not of the JIT's warm-up.
//
//   pnpm bench:coverage            (SEED=… to change the seed,
//                                   COVERTABLE=0 to leave covertable out: it
//                                   takes minutes on 2^100)
import { calculateCoverage, countTuples } from '@allot/core';
import covertable from 'covertable';

const SEED = process.env.SEED ?? 1;
const BASELINE = process.env.COVERTABLE !== '0';

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

const MODELS = [
  { name: '3^13', input: { attributes: uniform(13, 3) }, goal: '<= 15 rows, < 50 ms' },
  { name: '2^100', input: { attributes: uniform(100, 2) }, goal: '10 rows' },
  {
    name: '10^20',
    input: { attributes: uniform(20, 10) },
    goal: '<= 180 rows within 10 s',
    // The default effort stops after about a second; this is what a 10 s budget buys.
    effort: 1_000_000,
  },
  { name: '20 attributes, 30 rules', input: ruledModel(), goal: '< 1 s' },
];

function timed(run) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}

function ours(input, effort) {
  return calculateCoverage(input, { strength: 2, seed: SEED, effort }).combinations;
}

function theirs(input) {
  const factors = Object.fromEntries(input.attributes.map((a) => [a.name, a.values]));
  const rules = input.rules ?? [];
  // covertable hands the filter partial rows: a rule only rejects once all its attributes are set.
  const preFilter = (row) =>
    !rules.some((rule) =>
      Object.entries(rule.conditions).every(
        ([name, condition]) => row[name] !== undefined && condition.values.includes(row[name]),
      ),
    );
  return covertable.make(factors, {
    length: 2,
    seed: String(SEED),
    ...(rules.length > 0 ? { preFilter } : {}),
  });
}

function check(input, combinations) {
  const count = countTuples(input, combinations, 2);
  const ok = count.covered === count.required && count.violations.length === 0;
  return ok
    ? `ok (${count.covered}/${count.required} pairs)`
    : `FAILED: ${count.covered}/${count.required} pairs, ${count.violations.length} rule breaks`;
}

const ms = (n) => `${n.toFixed(0)} ms`;
const line = (name, { value, wall, cpu }, input) =>
  `  ${name.padEnd(24)} ${String(value.length).padStart(4)} rows  ${ms(wall).padStart(8)} wall  ${ms(cpu).padStart(8)} cpu  ${check(input, value)}`;

const warmUp = { attributes: uniform(6, 3) };
ours(warmUp);
if (BASELINE) theirs(warmUp);
console.log(`pairwise coverage, seed ${SEED}, node ${process.version}`);
for (const model of MODELS) {
  console.log(`\n${model.name} (goal: ${model.goal})`);
  console.log(
    line(
      'allot',
      timed(() => ours(model.input)),
      model.input,
    ),
  );
  if (model.effort !== undefined) {
    const name = `allot, effort ${model.effort.toLocaleString('en')}`;
    console.log(
      line(
        name,
        timed(() => ours(model.input, model.effort)),
        model.input,
      ),
    );
  }
  if (BASELINE)
    console.log(
      line(
        'covertable',
        timed(() => theirs(model.input)),
        model.input,
      ),
    );
}
