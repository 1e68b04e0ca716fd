// Benchmark: one allocation job of 10,000 tests over 1,000,000 rows with
// overlapping criteria on the embedded (lowdb) store, timed end to end
// (candidates, matching, makes, commit), with the process's peak memory.
// Then, in the same process, a greedy first-fit baseline against the
// matching on an adversarial bundle where greedy satisfies fewer tests.
//
//   pnpm bench:allocate            (ROWS=… TESTS=… to change the size)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileWhere, executeJob } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';
import { COLUMNS, makeFinds, makeRows, makeTests } from './workload.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TESTS = Number(process.env.TESTS ?? 10_000);
const WS = 'default';

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const refsOf = (pool) => pool.tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test }));

async function benchJob() {
  const dir = await mkdtemp(join(tmpdir(), 'allot-bench-'));
  try {
    let store = await openLowdbStore(dir);
    const setupStart = performance.now();
    await store.addBlockVersion(WS, {
      block: 'customers',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: makeRows(ROWS),
      origin: 'import',
    });
    const pool = {
      name: 'bench',
      key: 'id',
      blocks: [{ name: 'customers' }],
      secrets: [],
      tests: makeTests(TESTS, makeFinds()),
    };
    await store.putPool(WS, pool);
    console.log(
      `setup: ${ROWS.toLocaleString()} rows imported, ${TESTS.toLocaleString()} tests, ${((performance.now() - setupStart) / 1000).toFixed(2)} s`,
    );

    globalThis.gc?.();
    const start = performance.now();
    const report = await executeJob(store, { tests: refsOf(pool) });
    const warm = (performance.now() - start) / 1000;
    const warmPeak = process.resourceUsage().maxRSS * 1024;
    console.log(
      `job (store open, block in memory): ${warm.toFixed(2)} s — ${report.allocated} allocated, ${report.made} made, ${report.failed} failed`,
    );
    await store.close();

    store = await openLowdbStore(dir);
    const coldStart = performance.now();
    const cold = await executeJob(store, { tests: refsOf(pool), refresh: true });
    const coldSeconds = (performance.now() - coldStart) / 1000;
    console.log(
      `job (fresh process state, block read from disk): ${coldSeconds.toFixed(2)} s — ${cold.allocated} allocated, ${cold.failed} failed`,
    );
    await store.close();
    return { warm, warmPeak, cold: coldSeconds, failed: report.failed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * An adversarial bundle: "broad" tests accept every row, "narrow" tests
 * accept only the first rows, and the broad ones come first. Greedy
 * first-fit hands the narrow rows to broad tests; a matching does not.
 */
async function benchGreedy() {
  const n = 1000;
  const rows = Array.from({ length: 3 * n }, (_, i) => [`r${i}`, i < n ? 'narrow' : 'wide']);
  const tests = [
    ...Array.from({ length: n }, (_, i) => ({
      suite: 'broad',
      test: `b${i}`,
      find: { where: {} },
      count: 1,
      consume: false,
      readOnly: false,
    })),
    ...Array.from({ length: n }, (_, i) => ({
      suite: 'narrow',
      test: `n${i}`,
      find: { where: { kind: 'narrow' } },
      count: 1,
      consume: false,
      readOnly: false,
    })),
  ];
  const store = await (await import('@allot/core')).openMemoryStore();
  await store.addBlockVersion(WS, {
    block: 'rows',
    columns: ['id', 'kind'],
    keyColumn: 'id',
    rows,
    origin: 'import',
  });
  const pool = { name: 'adversarial', key: 'id', blocks: [{ name: 'rows' }], secrets: [], tests };
  await store.putPool(WS, pool);

  const greedyStart = performance.now();
  const taken = new Set();
  let greedySatisfied = 0;
  for (const test of tests) {
    const matches = compileWhere(test.find.where, ['id', 'kind'], 'where');
    const row = rows.find((r) => !taken.has(r[0]) && matches(r));
    if (row !== undefined) {
      taken.add(row[0]);
      greedySatisfied++;
    }
  }
  const greedyMs = performance.now() - greedyStart;
  const matchStart = performance.now();
  const report = await executeJob(store, { tests: refsOf(pool), dryRun: true });
  const matchMs = performance.now() - matchStart;
  await store.close();
  return { total: tests.length, greedySatisfied, matched: report.allocated, greedyMs, matchMs };
}

const job = await benchJob();
const peak = process.resourceUsage().maxRSS * 1024;
const greedy = await benchGreedy();

console.log('');
console.log(`allocate: ${TESTS.toLocaleString()} tests over ${ROWS.toLocaleString()} rows`);
console.log(
  `  job time:        ${job.warm.toFixed(2)} s (goal ≤ 3 s) ${job.warm <= 3 ? 'OK' : 'OVER'}`,
);
console.log(`  job time, cold:  ${job.cold.toFixed(2)} s (includes reading the block file)`);
console.log(
  `  peak memory:     ${mib(peak)} RSS (goal ≤ 1024 MiB) ${peak <= 1024 ** 3 ? 'OK' : 'OVER'}`,
);
console.log(`greedy first-fit vs matching on ${greedy.total} adversarial tests:`);
console.log(`  greedy satisfied:   ${greedy.greedySatisfied} (${greedy.greedyMs.toFixed(0)} ms)`);
console.log(`  matching satisfied: ${greedy.matched} (${greedy.matchMs.toFixed(0)} ms)`);
console.log(`  ratio matching/greedy: ${(greedy.matched / greedy.greedySatisfied).toFixed(2)}×`);
