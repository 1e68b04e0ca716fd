// Benchmark: the data assembly of a workset of 10,000 coverage combinations
// × 2 steps, each record drawing one row (allocated, unique) from each of two
// 100,000-row blocks, on the embedded (lowdb) store; then the assembled block
// exported as SQLite and as an EDI X12 834 file that is parsed back with
// node-x12 and counted. Prints the time of each phase and the peak memory.
//
//   pnpm bench:assembly            (COMBOS=… ROWS=… to change the size)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  collectExport,
  runAssembly,
  writeExport,
} from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';
import { X12Parser } from 'node-x12';

const COMBOS = Number(process.env.COMBOS ?? 10_000);
const ROWS = Number(process.env.ROWS ?? 100_000);
const WS = 'default';
const T0 = new Date();
const PLANS = ['HMO', 'PPO', 'EPO', 'POS'];
const STATES = ['GA', 'CA', 'CO', 'WA', 'OR'];

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

const dir = await mkdtemp(join(tmpdir(), 'allot-bench-assembly-'));
try {
  const store = await openLowdbStore(dir);
  await store.addBlockVersion(WS, {
    block: 'coverage',
    columns: ['plan', 'state', 'relationship', 'tier'],
    keyColumn: null,
    rows: Array.from({ length: COMBOS }, (_, i) => [
      PLANS[i % 4],
      STATES[Math.floor(i / 4) % 5],
      i % 2 === 0 ? '18' : '01',
      `T${i}`,
    ]),
    origin: 'import',
  });
  await store.addBlockVersion(WS, {
    block: 'members',
    columns: ['member_id', 'first_name', 'last_name', 'birth_date', 'gender', 'state', 'ssn'],
    keyColumn: 'member_id',
    rows: Array.from({ length: ROWS }, (_, i) => [
      `M${i}`,
      `First${i}`,
      `Last${i}`,
      `19${String(50 + (i % 50))}0101`,
      i % 2 === 0 ? 'F' : 'M',
      STATES[i % 5],
      String(100000000 + i),
    ]),
    origin: 'import',
  });
  await store.addBlockVersion(WS, {
    block: 'policies',
    columns: ['policy_id', 'plan', 'coverage_start', 'group_id'],
    keyColumn: 'policy_id',
    rows: Array.from({ length: ROWS }, (_, i) => [
      `P${i}`,
      PLANS[i % 4],
      '20260101',
      `G${i % 100}`,
    ]),
    origin: 'import',
  });
  const put = (kind, name, body) =>
    store.putCatalogue(
      { kind, workspace: WS, project: '1', name, body, actor: 'bench', keepId: true },
      T0,
    );
  await put(DATA_VIEW_KIND, 'coverage_view', {});
  await put(DATA_VIEW_KIND, 'member_view', {
    columns: ['member_id', 'first_name', 'last_name', 'birth_date', 'gender', 'ssn'],
    match: { state: 'state' },
  });
  await put(DATA_VIEW_KIND, 'policy_view', {
    columns: ['policy_id', 'coverage_start', 'group_id'],
    match: { plan: 'plan' },
  });
  await put(SCENARIO_KIND, 'enrol', {
    steps: [
      { name: 'subscriber', recordType: 'S' },
      { name: 'dependant', recordType: 'D' },
    ],
  });
  const bind = (view, block) => ({
    view: { name: view, version: '1.0' },
    dataSet: { name: block, version: '1.0' },
  });
  const workset = await put(WORKSET_KIND, 'bench_workset', {
    scenario: { name: 'enrol', version: '1.0' },
    primary: bind('coverage_view', 'coverage'),
    dataViews: [bind('member_view', 'members'), bind('policy_view', 'policies')],
  });

  const start = performance.now();
  const outcome = await runAssembly(store, {
    workspace: WS,
    project: '1',
    workset,
    assemblyId: 'bench',
  });
  const assembled = performance.now();
  const block = await store.getBlock(WS, outcome.block, outcome.version);
  const input = {
    block: block.block,
    version: block.version,
    columns: block.columns,
    rows: block.rows,
  };
  const sqlite = await collectExport(writeExport('sqlite', input));
  const exportedSqlite = performance.now();
  const x12 = Buffer.from(
    await collectExport(writeExport('x12-834', input, { x12834: { template: 'ga' } })),
  ).toString();
  const exported834 = performance.now();
  const interchange = new X12Parser(true).parse(x12);
  const members = interchange.functionalGroups.flatMap((g) =>
    g.transactions.flatMap((t) => t.segments.filter((s) => s.tag === 'INS')),
  ).length;
  const parsed = performance.now();
  await store.close();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  console.log(`assembly: ${COMBOS} combinations × 2 steps, rows from two ${ROWS}-row blocks`);
  console.log(
    `  records ${outcome.rowsGenerated} of ${outcome.rowsToGenerate}, rows with errors ${outcome.rowsWithErrors}`,
  );
  console.log(`  assemble        ${(assembled - start).toFixed(0)} ms`);
  console.log(
    `  sqlite export   ${(exportedSqlite - assembled).toFixed(0)} ms (${mib(sqlite.length)})`,
  );
  console.log(
    `  834 export      ${(exported834 - exportedSqlite).toFixed(0)} ms (${mib(x12.length)})`,
  );
  console.log(
    `  834 parse back  ${(parsed - exported834).toFixed(0)} ms: ${members} INS segments, expected ${outcome.rowsGenerated}`,
  );
  console.log(`  end to end      ${(parsed - start).toFixed(0)} ms, peak RSS ${mib(peak)}`);
  if (members !== outcome.rowsGenerated) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await rm(dir, { recursive: true, force: true });
}
