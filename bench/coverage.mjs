// Benchmark: pairwise coverage, our rows and time beside covertable's (npm),
// on four models, each generated set checked by the core's independent tuple
// counter (every required pair covered, no rule broken).
//
// Every calculation runs in a new process (bench/coverage-run.mjs), so the
// figures are cold: they include the JIT's warm-up, as a CLI run or a queued
// job's first calculation pays it. The time is the CPU time of the
// calculation in that process, not counting the load of the library (printed
// apart), and its wall time, which a shared machine stretches. Each is the
// median of RUNS runs; the same seed gives the same rows every run. The load
// average is printed before and after, since a loaded machine slows CPU time
// too.
//
// Rows, unlike times, do not depend on the machine: the bench exits with 1
// when allot's defaults give more rows than a model's goal allows, for the
// seed run and, for 10^20, for every seed of its sweep (one run per seed:
// the rows of a seed never change; the sweep prints each seed's rows and CPU
// time). Times are printed beside their goals, to be read with the load.
//
//   pnpm bench:coverage            (SEED=… to change the seed, RUNS=… the runs
//                                   per figure (default 3), COVERTABLE=0 to
//                                   leave covertable out: it takes minutes on
//                                   2^100, SWEEP=0 to skip the seed sweep)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { countTuples } from '@allot/core';
import { MODELS } from './coverage-models.mjs';

const SEED = process.env.SEED ?? 1;
const RUNS = Number(process.env.RUNS ?? 3);
const BASELINE = process.env.COVERTABLE !== '0';
const SWEEP = process.env.SWEEP !== '0';
const RUNNER = fileURLToPath(new URL('./coverage-run.mjs', import.meta.url));

function once(library, model, options, seed = SEED) {
  const out = execFileSync(
    process.execPath,
    [RUNNER, JSON.stringify({ library, model: model.name, options, seed })],
    { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** RUNS runs of one calculation: the rows of the first (every run gives the same), median times. */
function measure(library, model, options) {
  const runs = Array.from({ length: RUNS }, () => once(library, model, options));
  const rows = new Set(runs.map((run) => JSON.stringify(run.combinations)));
  return {
    combinations: runs[0].combinations,
    reproducible: rows.size === 1,
    cpu: median(runs.map((run) => run.cpu)),
    wall: median(runs.map((run) => run.wall)),
    loadCpu: median(runs.map((run) => run.loadCpu)),
  };
}

function check(input, combinations) {
  const count = countTuples(input, combinations, 2);
  const ok = count.covered === count.required && count.violations.length === 0;
  return ok
    ? `ok (${count.covered}/${count.required} pairs)`
    : `FAILED: ${count.covered}/${count.required} pairs, ${count.violations.length} rule breaks`;
}

const ms = (n) => `${n.toFixed(0)} ms`;
const line = (label, figures, input) =>
  [
    `  ${label.padEnd(22)}`,
    `${String(figures.combinations.length).padStart(4)} rows`,
    `${ms(figures.cpu).padStart(8)} cpu`,
    `${ms(figures.wall).padStart(8)} wall`,
    `(+${ms(figures.loadCpu)} cpu to load)`,
    check(input, figures.combinations),
    figures.reproducible ? '' : 'NOT REPRODUCIBLE',
  ].join('  ');
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

console.log(
  `pairwise coverage, seed ${SEED}, node ${process.version}, median of ${RUNS} new processes each`,
);
console.log(`load average ${load()}`);
const missed = [];
/** Whether a set covers, breaks no rule and keeps to the model's rows; a miss is kept for the exit. */
function held(model, label, combinations) {
  const count = countTuples(model.input, combinations, 2);
  const ok =
    count.covered === count.required &&
    count.violations.length === 0 &&
    combinations.length <= model.maxRows;
  if (!ok) missed.push(`${model.name}, ${label}: ${combinations.length} rows`);
}
for (const model of MODELS) {
  console.log(`\n${model.name} (goal: ${model.goal})`);
  for (const run of model.runs) {
    const figures = measure('allot', model, run.options);
    console.log(line(run.label, figures, model.input));
    held(model, `${run.label}, seed ${SEED}`, figures.combinations);
  }
  if (BASELINE) console.log(line('covertable', measure('covertable', model), model.input));
  if (SWEEP && model.sweep) {
    const seeds = Array.from({ length: model.sweep }, (_, i) => i + 1);
    const sweep = seeds.map((seed) => ({ seed, ...once('allot', model, {}, seed) }));
    for (const { seed, combinations } of sweep) held(model, `seed ${seed}`, combinations);
    const cpu = sweep.map((run) => run.cpu);
    console.log(
      `  allot, seeds 1-${model.sweep}: ${sweep.map((run) => run.combinations.length).join(' ')} rows;` +
        ` cpu ${ms(Math.min(...cpu))} to ${ms(Math.max(...cpu))}`,
    );
  }
}
console.log(`\nload average ${load()}`);
if (missed.length > 0) {
  console.log(`\nGOAL MISSED (rows past the goal, or not covering):\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
}
