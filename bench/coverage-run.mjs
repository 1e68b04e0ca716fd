// One calculation in a process of its own, for bench/coverage.mjs: a cold
// start, as a CLI run or a queued job's worker meets it. Argument: JSON
// `{library, model, options, seed}`. Prints JSON: the combinations, and the
// CPU milliseconds spent loading the library and then calculating (this
// process only), and the calculation's wall milliseconds.
import { MODELS } from './coverage-models.mjs';

const { library, model: name, options = {}, seed } = JSON.parse(process.argv[2]);
const model = MODELS.find((m) => m.name === name);
const cpuMs = (used) => (used.user + used.system) / 1000;

let cpu = process.cpuUsage();
let run;
if (library === 'allot') {
  const { calculateCoverage } = await import('@allot/core');
  run = () => calculateCoverage(model.input, { strength: 2, seed, ...options }).combinations;
} else {
  const { default: covertable } = await import('covertable');
  const factors = Object.fromEntries(model.input.attributes.map((a) => [a.name, a.values]));
  const rules = model.input.rules ?? [];
  // covertable hands the filter partial rows: a rule only rejects once all its attributes are set.
  const preFilter = (row) =>
    !rules.some((rule) =>
      Object.entries(rule.conditions).every(
        ([attribute, condition]) =>
          row[attribute] !== undefined && condition.values.includes(row[attribute]),
      ),
    );
  run = () =>
    covertable.make(factors, {
      length: 2,
      seed: String(seed),
      ...(rules.length > 0 ? { preFilter } : {}),
    });
}
const loadCpu = cpuMs(process.cpuUsage(cpu));
cpu = process.cpuUsage();
const start = performance.now();
const combinations = run();
const wall = performance.now() - start;
const calcCpu = cpuMs(process.cpuUsage(cpu));
process.stdout.write(JSON.stringify({ combinations, loadCpu, cpu: calcCpu, wall }));
