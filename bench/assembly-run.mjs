// One run of the assembly benchmark (bench/assembly.mjs starts it in a fresh
// process per run and takes the medians): a workset of COMBOS coverage
// combinations × 2 steps, each record drawing one row (allocated, unique)
// from each of two ROWS-row blocks, assembled on the embedded (lowdb) store
// into a block; the block exported as SQLite and read back, and as an EDI
// X12 834 file parsed back with node-x12, its counts and control numbers
// checked. Prints one JSON line: each phase's wall and CPU time, and the
// process's peak RSS.
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
import initSqlJs from 'sql.js';

const COMBOS = Number(process.env.COMBOS ?? 10_000);
const ROWS = Number(process.env.ROWS ?? 100_000);
const WS = 'default';
const T0 = new Date();
const PLANS = ['HMO', 'PPO', 'EPO', 'POS'];
const STATES = ['GA', 'CA', 'CO', 'WA', 'OR'];
const CONTROL = 834;

/** Times each phase: wall clock and this process's CPU (the garbage collector's threads included). */
const phases = {};
async function phase(name, work) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  phases[name] = {
    wallMs: performance.now() - wall,
    cpuMs: (used.user + used.system) / 1000,
  };
  return result;
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const dir = await mkdtemp(join(tmpdir(), 'allot-bench-assembly-'));
try {
  const store = await openLowdbStore(dir);
  const workset = await phase('setup', () => seed(store));
  const outcome = await phase('assemble', () =>
    runAssembly(store, { workspace: WS, project: '1', workset, assemblyId: 'bench' }),
  );
  check(outcome.rowsWithErrors === 0, `${outcome.rowsWithErrors} rows with errors`);
  check(outcome.rowsGenerated === COMBOS * 2, `${outcome.rowsGenerated} records`);
  const block = await phase('read block', () => store.getBlock(WS, outcome.block, outcome.version));
  const input = () => ({
    block: block.block,
    version: block.version,
    columns: block.columns,
    rows: block.rows,
  });
  const sqlite = await phase('sqlite export', () => collectExport(writeExport('sqlite', input())));
  await phase('sqlite read back', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(sqlite);
    try {
      const [count] = db.exec(`SELECT count(*) FROM "${block.block}"`)[0].values[0];
      check(count === outcome.rowsGenerated, `${count} SQLite rows`);
    } finally {
      db.close();
    }
  });
  const x12 = await phase('834 export', async () =>
    Buffer.from(
      await collectExport(
        writeExport('x12-834', input(), {
          x12834: { template: 'ga', controlNumber: CONTROL, now: T0 },
        }),
      ),
    ).toString(),
  );
  const members = await phase('834 parse back', () => parse834(x12));
  check(members === outcome.rowsGenerated, `${members} INS segments`);
  await store.close();
  console.log(
    JSON.stringify({
      combos: COMBOS,
      rows: ROWS,
      records: outcome.rowsGenerated,
      sqliteBytes: sqlite.length,
      x12Bytes: x12.length,
      phases,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** The 834 parsed back strictly: one set, its SE01 count and every control number checked; the member count. */
function parse834(text) {
  const interchange = new X12Parser(true).parse(text);
  const value = (segment, n) => segment.elements[n - 1].value;
  check(interchange.functionalGroups.length === 1, 'one functional group');
  const group = interchange.functionalGroups[0];
  check(group.transactions.length === 1, 'one transaction set');
  const set = group.transactions[0];
  check(Number(value(interchange.header, 13)) === CONTROL, 'ISA13');
  check(Number(value(interchange.trailer, 2)) === CONTROL, 'IEA02');
  check(value(interchange.trailer, 1) === '1', 'IEA01');
  check(value(group.header, 6) === String(CONTROL), 'GS06');
  check(value(group.trailer, 2) === String(CONTROL), 'GE02');
  check(value(group.trailer, 1) === '1', 'GE01');
  check(value(set.trailer, 2) === value(set.header, 2), 'SE02 = ST02');
  check(Number(value(set.trailer, 1)) === set.segments.length + 2, 'SE01');
  return set.segments.filter((segment) => segment.tag === 'INS').length;
}

async function seed(store) {
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
  return put(WORKSET_KIND, 'bench_workset', {
    scenario: { name: 'enrol', version: '1.0' },
    primary: bind('coverage_view', 'coverage'),
    dataViews: [bind('member_view', 'members'), bind('policy_view', 'policies')],
  });
}
