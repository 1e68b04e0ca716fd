// Benchmark: the data assembly of a workset of 10,000 coverage combinations
// × 2 steps, each record drawing one row (allocated, unique) from each of two
// 100,000-row blocks, on the embedded (lowdb) store; then the assembled block
// exported as SQLite (read back) and as an EDI X12 834 file parsed back with
// node-x12 (counts and control numbers checked). Goal: end to end (assembly
// start to the 834 parsed) ≤ 5 s, peak RSS ≤ 1 GiB.
//
// Each run is a fresh process (bench/assembly-run.mjs), so one run's heap
// and JIT do not help the next; the figures are the medians of RUNS runs,
// wall clock beside CPU time, with the load average before and after, since
// a shared machine stretches wall clock and not CPU time.
//
//   pnpm bench:assembly          (RUNS=3, COMBOS=10000, ROWS=100000)
//   PROFILE=1 pnpm bench:assembly  writes each run's --cpu-prof to bench/.profiles
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const GOAL_MS = 5_000;
const GOAL_BYTES = 1024 ** 3;
const run = fileURLToPath(new URL('./assembly-run.mjs', import.meta.url));
const profiles = fileURLToPath(new URL('./.profiles/', import.meta.url));
const flags = process.env.PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [];

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const loadBefore = load();
const results = [];
for (let i = 0; i < RUNS; i++) {
  const out = execFileSync(process.execPath, [...flags, run], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(out.trim().split('\n').at(-1));
  results.push(result);
  const total = Object.entries(result.phases)
    .filter(([name]) => name !== 'setup')
    .reduce((sum, [, p]) => sum + p.wallMs, 0);
  console.log(
    `run ${i + 1}: end to end ${total.toFixed(0)} ms, peak RSS ${mib(result.peakRssBytes)}`,
  );
}
const loadAfter = load();

const first = results[0];
console.log(
  `\nassembly: ${first.combos} combinations × 2 steps = ${first.records} records, ` +
    `rows from two ${first.rows}-row blocks; SQLite ${mib(first.sqliteBytes)}, 834 ${mib(first.x12Bytes)}`,
);
console.log(`median of ${RUNS} runs         wall        cpu`);
const timed = Object.keys(first.phases);
const totals = { wallMs: [], cpuMs: [] };
for (const result of results) {
  for (const key of Object.keys(totals)) {
    totals[key].push(
      timed.filter((n) => n !== 'setup').reduce((sum, n) => sum + result.phases[n][key], 0),
    );
  }
}
for (const name of timed) {
  const of = (key) => median(results.map((r) => r.phases[name][key]));
  const label = name === 'setup' ? 'setup (not timed)' : name;
  console.log(`  ${label.padEnd(20)} ${ms(of('wallMs'))} ${ms(of('cpuMs'))}`);
}
const wall = median(totals.wallMs);
const peak = median(results.map((r) => r.peakRssBytes));
const worstPeak = Math.max(...results.map((r) => r.peakRssBytes));
console.log(`  ${'end to end'.padEnd(20)} ${ms(wall)} ${ms(median(totals.cpuMs))}`);
console.log(`peak RSS: median ${mib(peak)}, largest ${mib(worstPeak)}`);
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
console.log(
  `goal: end to end ≤ ${GOAL_MS} ms: ${wall <= GOAL_MS ? 'met' : 'MISSED'}; ` +
    `peak ≤ 1 GiB: ${worstPeak <= GOAL_BYTES ? 'met' : 'MISSED'}`,
);
