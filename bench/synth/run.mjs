// Benchmark: synthetic data for three entities linked by foreign keys
// (customers → accounts → transactions; 12–13 fields each), 1,000,000 rows in
// all, streamed to CSV and JSON Lines files in one pass. Side by side,
// json-schema-faker generates the same schemas (fewer rows: it is slower)
// through the same writers. Each generator runs in its own process so peak
// memory is its own; wall time and CPU time are both printed, since a shared
// machine's wall time says more about its load than about the generator. The files are then read back: every JSON line checked by
// ajv against its schema, every foreign key looked up among its parent's keys.
//
//   pnpm bench:synth                 (ROWS=… JSF_ROWS=… SEED=… to change)
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
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
const JSF_ROWS = Number(process.env.JSF_ROWS ?? 100_000);
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
  const results = [];
  for (const [which, rows] of [
    ['allot', ROWS],
    ['jsf', JSF_ROWS],
  ]) {
    const out = mkdtempSync(join(tmpdir(), `allot-bench-synth-${which}-`));
    try {
      const run = child(which, out);
      results.push({ which, ...run, ...(await check(out, rows)) });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const [allot, jsf] = results.map((r) => ({ ...r, rate: r.rows / r.seconds }));
  const cpuRate = (r) => Math.round(r.rows / r.cpuSeconds).toLocaleString('en');
  const row = (label, r) =>
    `${label.padEnd(18)} ${String(r.rows).padStart(9)} ${r.seconds.toFixed(2).padStart(8)} ${Math.round(r.rate).toLocaleString('en').padStart(10)} ${r.cpuSeconds.toFixed(2).padStart(6)} ${cpuRate(r).padStart(10)} ${r.peakMiB.toFixed(0).padStart(9)} ${r.validPercent.toFixed(2).padStart(7)} ${String(r.dangling).padStart(8)}`;
  console.log(
    `synthetic data: customers/accounts/transactions (10/20/70 %), CSV + JSON Lines, seed ${SEED}`,
  );
  console.log(
    `${'generator'.padEnd(18)} ${'rows'.padStart(9)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(10)} ${'cpu s'.padStart(6)} ${'rows/cpu-s'.padStart(10)} ${'peak MiB'.padStart(9)} ${'valid %'.padStart(7)} ${'dangling'.padStart(8)}`,
  );
  console.log(row('allot', allot));
  console.log(row('json-schema-faker', jsf));
  console.log(
    `allot / json-schema-faker: ${(allot.rate / jsf.rate).toFixed(1)}x rows/s, ${(allot.rows / allot.cpuSeconds / (jsf.rows / jsf.cpuSeconds)).toFixed(1)}x rows per CPU second`,
  );
  console.log(
    'json-schema-faker has no references between entities: its foreign keys are random values, hence dangling.',
  );
  console.log(
    `load average while running: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
}
