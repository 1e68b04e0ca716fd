// Benchmark: how long `allot --version` and `allot --help` take from process
// start to exit, against the floor of any Node program (`node -e 0`) timed in
// the same rounds, so that a busy machine slows both alike. Each round runs
// the baseline and then each command once; the "over floor" column is the
// per-round difference, which is what the CLI itself costs.
//
//   pnpm bench:cli              (RUNS=… to change the number of rounds; default 30)
//
// Prints min, median and max wall milliseconds. Not a timed test: the figures
// depend on the machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.RUNS ?? 30);
const MAIN = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));
const COMMANDS = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'allot --version', args: [MAIN, '--version'] },
  { name: 'allot --help', args: [MAIN, '--help'] },
];

/** Wall milliseconds of one run of `node …args`, which must exit 0. */
function time(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  }
  return ms;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1) };
}

// One warm-up round, not counted: the first start reads every file from disk.
for (const command of COMMANDS) time(command.args);

const samples = COMMANDS.map(() => []);
for (let round = 0; round < RUNS; round++) {
  COMMANDS.forEach((command, index) => samples[index].push(time(command.args)));
}

const floor = samples[0];
const fmt = (ms) => ms.toFixed(1).padStart(8);
console.log(`${RUNS} rounds, wall ms (min / median / max); node ${process.version}`);
console.log(
  `${'command'.padEnd(20)}${'min'.padStart(8)}${'median'.padStart(8)}${'max'.padStart(8)}   over floor (median of per-round differences)`,
);
COMMANDS.forEach((command, index) => {
  const { min, median, max } = stats(samples[index]);
  const over =
    index === 0
      ? ''
      : `   ${fmt(stats(samples[index].map((ms, round) => ms - floor[round])).median)}`;
  console.log(`${command.name.padEnd(20)}${fmt(min)}${fmt(median)}${fmt(max)}${over}`);
});
