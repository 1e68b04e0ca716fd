// Benchmark: synthetic data for three entities linked by foreign keys
// (customers → accounts → transactions; 12–13 fields each), 1,000,000 rows in
// all, streamed to CSV and JSON Lines files in one pass. Side by side,
// json-schema-faker generates the same schemas (fewer rows: it is slower)
// through the same writers. Each generator runs in its own process so peak
// memory is its own; wall time and CPU time are both printed, since a shared
// machine's wall time says more about its load than about the generator.
// Rounds are paired (allot, then json-schema-faker, right after each other,
// the order swapped every other round) so both see about the same load; the
// ratio is taken per round. The first round's files are read back: every
// JSON line checked by ajv against its schema, every foreign key looked up
// among its parent's keys; later rounds must write the very same bytes.
//
//   pnpm bench:synth       (ROWS=… JSF_ROWS=… ROUNDS=… SEED=… to change)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  readdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  createCsvWriter,
  createJsonLinesWriter,
  createRecordValidator,
  readSchema,
  writeDataset,
} from '@allot/core';
import { SCHEMAS, constraints, foreignKeys } from './schemas.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const JSF_ROWS = Number(process.env.JSF_ROWS ?? 30_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SEED = process.env.SEED ?? '2026';
const SHARE = { customers: 0.1, accounts: 0.2, transactions: 0.7 };

const counts = (total) =>
  Object.fromEntries(
    Object.entries(SHARE).map(([name, share]) => [name, Math.round(total * share)]),
  );
const trees = () =>
  Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, readSchema(schema)]));

/**
 * A file sink writing synchronously: memory stays one batch, and a byte
 * chunk (whose memory the next batch reuses) is on its way to the file when
 * the call returns. Both generators write through it.
 */
function fileSink(path) {
  const fd = openSync(path, 'w');
  const all = (bytes) => {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
  };
  return {
    write(chunk) {
      if (chunk !== '') all(Buffer.from(chunk));
    },
    writeBytes: all,
    close() {
      closeSync(fd);
    },
  };
}

async function runAllot(dir) {
  const tree = trees();
  const n = counts(ROWS);
  const start = performance.now();
  await writeDataset({
    seed: SEED,
    batchSize: 1000,
    formats: ['csv', 'jsonl'],
    entities: Object.keys(SCHEMAS).map((name) => ({
      name,
      schema: tree[name],
      constraints: constraints[name],
      count: n[name],
    })),
    sink: (entity, format) => fileSink(join(dir, `${entity}.${format}`)),
  });
  return { seconds: (performance.now() - start) / 1000, rows: ROWS };
}

async function runJsf(dir) {
  const { createGeneratorSync } = await import('json-schema-faker');
  const tree = trees();
  const n = counts(JSF_ROWS);
  const start = performance.now();
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const generator = createGeneratorSync({ seed: Number(SEED), alwaysFakeOptionals: true });
    const outputs = [
      [createCsvWriter(tree[name]), fileSink(join(dir, `${name}.csv`))],
      [createJsonLinesWriter(), fileSink(join(dir, `${name}.jsonl`))],
    ];
    for (const [writer, sink] of outputs) await sink.write(writer.header());
    for (let done = 0; done < n[name];) {
      const batch = [];
      for (; batch.length < 1000 && done < n[name]; done++) batch.push(generator.generate(schema));
      for (const [writer, sink] of outputs) await sink.write(writer.write(batch));
    }
    for (const [writer, sink] of outputs) {
      await sink.write(writer.footer());
      await sink.close();
    }
  }
  return { seconds: (performance.now() - start) / 1000, rows: JSF_ROWS };
}

/** Reads the JSON Lines back: valid records per ajv, dangling foreign keys, CSV lines. */
async function check(dir, rows) {
  const tree = trees();
  const keys = {};
  let valid = 0;
  let total = 0;
  let dangling = 0;
  for (const name of Object.keys(SCHEMAS)) {
    const validate = createRecordValidator(tree[name]);
    const owned = foreignKeys.filter((fk) => fk.parent === name);
    for (const fk of owned) keys[`${name}.${fk.key}`] = new Set();
    const mine = foreignKeys.filter((fk) => fk.entity === name);
    const lines = createInterface({
      input: createReadStream(join(dir, `${name}.jsonl`)),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const record = JSON.parse(line);
      total++;
      if (validate(record) === null) valid++;
      for (const fk of owned) keys[`${name}.${fk.key}`].add(record[fk.key]);
      for (const fk of mine) if (!keys[`${fk.parent}.${fk.key}`].has(record[fk.field])) dangling++;
    }
    const csvLines = readFileSync(join(dir, `${name}.csv`), 'utf8').split('\r\n').length - 2;
    if (csvLines !== counts(rows)[name]) throw new Error(`${name}.csv has ${csvLines} rows`);
  }
  if (total !== rows) throw new Error(`${total} JSON lines for ${rows} rows`);
  return { validPercent: (100 * valid) / total, dangling };
}

function child(which, dir) {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [script, which, dir], {
    encoding: 'utf8',
    env: process.env,
  });
  if (result.status !== 0) throw new Error(`${which} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'allot' || mode === 'jsf') {
  const cpu = process.cpuUsage();
  const result = mode === 'allot' ? await runAllot(dir) : await runJsf(dir);
  const used = process.cpuUsage(cpu);
  result.cpuSeconds = (used.user + used.system) / 1e6;
  // maxRSS is the process's peak resident set, in KiB.
  console.log(JSON.stringify({ ...result, peakMiB: process.resourceUsage().maxRSS / 1024 }));
} else {
  await main();
}

/** SHA-256 of every file a run wrote, by name: rounds of one seed must agree. */
function digests(dir) {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

function load() {
  return loadavg()[0];
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spread(values, digits = 0) {
  return ['min', 'median', 'max']
    .map((label, i) => {
      const value = [Math.min(...values), median(values), Math.max(...values)][i];
      return `${label} ${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })}`;
    })
    .join(', ');
}

/** One generator's run in a fresh directory; the first round's files are checked, later ones compared. */
async function runOnce(which, rows, reference) {
  const out = mkdtempSync(join(tmpdir(), `allot-bench-synth-${which}-`));
  try {
    const loadBefore = load();
    const run = child(which, out);
    const result = { which, ...run, load: (loadBefore + load()) / 2, rate: run.rows / run.seconds };
    result.cpuRate = run.rows / run.cpuSeconds;
    result.digests = digests(out);
    if (reference === undefined) return { ...result, ...(await check(out, rows)) };
    const same = JSON.stringify(result.digests) === JSON.stringify(reference.digests);
    if (!same) throw new Error(`${which} wrote other bytes than in round 1 with the same seed`);
    return { ...result, validPercent: reference.validPercent, dangling: reference.dangling };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  const rounds = [];
  let first;
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? ['allot', 'jsf'] : ['jsf', 'allot'];
    const results = {};
    for (const which of order) {
      const rows = which === 'allot' ? ROWS : JSF_ROWS;
      results[which] = await runOnce(which, rows, first?.[which]);
    }
    first ??= results;
    rounds.push(results);
    const { allot, jsf } = results;
    console.log(
      `round ${round}: allot ${Math.round(allot.rate).toLocaleString('en')} rows/s (${Math.round(allot.cpuRate).toLocaleString('en')} per CPU s, ${allot.peakMiB.toFixed(0)} MiB), ` +
        `json-schema-faker ${Math.round(jsf.rate).toLocaleString('en')} rows/s (${Math.round(jsf.cpuRate).toLocaleString('en')} per CPU s), ` +
        `ratio ${(allot.rate / jsf.rate).toFixed(1)}x wall, ${(allot.cpuRate / jsf.cpuRate).toFixed(1)}x CPU, load ${allot.load.toFixed(1)}`,
    );
  }
  const of = (which, key) => rounds.map((r) => r[which][key]);
  console.log(
    `\nsynthetic data: customers/accounts/transactions (10/20/70 %), CSV + JSON Lines, seed ${SEED}, ${ROUNDS} paired rounds`,
  );
  for (const [label, which, rows] of [
    ['allot', 'allot', ROWS],
    ['json-schema-faker', 'jsf', JSF_ROWS],
  ]) {
    const r = first[which];
    console.log(`${label} (${rows.toLocaleString('en')} rows)`);
    console.log(`  rows/s wall:       ${spread(of(which, 'rate'))}`);
    console.log(`  rows per CPU s:    ${spread(of(which, 'cpuRate'))}`);
    console.log(`  peak RSS MiB:      ${spread(of(which, 'peakMiB'))}`);
    console.log(
      `  valid: ${r.validPercent.toFixed(2)} % (ajv, every record of round 1; later rounds byte-identical), dangling keys: ${r.dangling}`,
    );
  }
  const ratio = (key) => rounds.map((r) => r.allot[key] / r.jsf[key]);
  console.log(
    `allot / json-schema-faker, per round: ${spread(ratio('rate'), 1)} (wall); ${spread(ratio('cpuRate'), 1)} (per CPU second)`,
  );
  console.log(
    'json-schema-faker has no references between entities: its foreign keys are random values, hence dangling.',
  );
  console.log(
    `load average (1 min) during the runs: ${spread(of('allot', 'load'), 1)} on ${availableParallelism()} cores; now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
