// Benchmark: the 10,000-test job of bench/allocate.mjs on the PostgreSQL
// store, against the claim loop teams hand-roll today on the same rows: per
// test, one `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)
// RETURNING *` (twice for a test that needs two rows), over a typed table
// with the partial indexes a careful engineer would add for those finds.
//
// Each round runs, paired: allot on a fresh store (a replica that never saw
// the block, candidates gathered in SQL), the loop on one connection and the
// loop on CONNECTIONS connections, the order rotating per round; every side
// starts from the same free rows. The ratios are per round, printed as
// min / median / max over the rounds with the load average beside them, and
// allot's job is split into its phases.
//
//   ALLOT_BENCH_POSTGRES_URL=postgres://… pnpm bench:postgres
//   (ALLOT_TEST_POSTGRES_URL works too; ROWS=… TESTS=… CONNECTIONS=… ROUNDS=… to change the size)
//
// Everything lives in a fresh schema, dropped at the end.
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { compileWhere } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { phaseLine, timedJob } from './timed-job.mjs';
import { COLUMNS, makeFinds, makeRows, makeTests } from './workload.mjs';

const DATABASE_URL = process.env.ALLOT_BENCH_POSTGRES_URL ?? process.env.ALLOT_TEST_POSTGRES_URL;
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TESTS = Number(process.env.TESTS ?? 10_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);
const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const WS = 'default';
const seconds = (start) => (performance.now() - start) / 1000;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const times = (x) => `${x.toFixed(1)}×`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** min / median / max of a list of numbers, formatted with `unit`. */
function spread(values, unit) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, text: `${unit(sorted[0])} / ${unit(median)} / ${unit(sorted.at(-1))}` };
}

/**
 * The find of a benchmark test as the SQL a team would write over a typed
 * table. Covers the operators the workload uses, nothing more.
 */
function whereSql(where, params) {
  const parts = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and')
      parts.push(`(${value.map((w) => `(${whereSql(w, params)})`).join(' AND ')})`);
    else if (key === 'or')
      parts.push(`(${value.map((w) => `(${whereSql(w, params)})`).join(' OR ')})`);
    else if (key === 'not') parts.push(`NOT (${whereSql(value, params)})`);
    else parts.push(conditionSql(key, value, params));
  }
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

function conditionSql(column, condition, params) {
  const param = (value) => {
    params.push(value);
    return `$${params.length + 1}`; // $1 is the job
  };
  if (condition === null || typeof condition !== 'object') return `${column} = ${param(condition)}`;
  const sql = {
    eq: (v) => `${column} = ${param(v)}`,
    in: (v) => `${column} = ANY(${param(v)})`,
    gt: (v) => `${column} > ${param(v)}`,
    gte: (v) => `${column} >= ${param(v)}`,
    lt: (v) => `${column} < ${param(v)}`,
    lte: (v) => `${column} <= ${param(v)}`,
    startsWith: (v) => `starts_with(${column}, ${param(v)})`,
  };
  return Object.entries(condition)
    .map(([operator, operand]) => {
      if (sql[operator] === undefined) throw new Error(`bench: no SQL for operator ${operator}`);
      return sql[operator](operand);
    })
    .join(' AND ');
}

/** One prepared claim statement per find, as a team would keep them. */
function claimStatements(table, finds) {
  return finds.map((where, index) => {
    const params = [];
    const condition = whereSql(where, params);
    return {
      name: `claim-${table}-${index}`,
      text: `UPDATE ${table} SET leased_by = $1
              WHERE id = (SELECT id FROM ${table} WHERE ${condition} AND leased_by IS NULL LIMIT 1 FOR UPDATE SKIP LOCKED)
              RETURNING *`,
      params,
    };
  });
}

/** Runs every test's claims over `connections` clients; returns seconds and tests that got all their rows. */
async function handRolled(table, tests, finds, connections) {
  const statements = claimStatements(table, finds);
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      return client;
    }),
  );
  let next = 0;
  let satisfied = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < tests.length; i = next++) {
        const test = tests[i];
        const statement = statements[finds.indexOf(test.find.where)];
        let got = 0;
        for (let k = 0; k < test.count; k++) {
          const result = await client.query({
            name: statement.name,
            text: statement.text,
            values: [`test-${i}`, ...statement.params],
          });
          got += result.rowCount;
        }
        if (got === test.count) satisfied++;
      }
    }),
  );
  const elapsed = seconds(start);
  await Promise.all(clients.map((client) => client.end()));
  return { elapsed, satisfied };
}

/** The same rows in a plain typed table with a `leased_by` column, copied from the store's rows. */
async function createBaselineTable(client, schema, table) {
  await client.query(`
    CREATE TABLE "${schema}".${table} AS
    SELECT cells[1] AS id, cells[2] AS status, cells[3] AS tier, cells[4] AS country,
           cells[5]::numeric AS balance, cells[6]::boolean AS saved_card, NULL::text AS leased_by
    FROM "${schema}".block_rows
    WHERE workspace = '${WS}' AND block = 'customers'
    ORDER BY ordinal`);
  await client.query(`ALTER TABLE "${schema}".${table} ADD PRIMARY KEY (id)`);
  // The indexes a careful engineer adds for these finds: partial, over the free rows only, so a
  // claim never walks past the rows already leased, led by the columns every find tests for equality.
  for (const columns of ['status, country', 'tier, status', 'tier, balance'])
    await client.query(`CREATE INDEX ON "${schema}".${table} (${columns}) WHERE leased_by IS NULL`);
  await client.query(`VACUUM ANALYZE "${schema}".${table}`);
}

/** The SQL of each find selects the rows its compiled find does, so both sides solve the same problem. */
async function checkTranslation(client, schema, table, finds, rows) {
  for (const where of finds) {
    const params = [];
    const condition = whereSql(where, params).replace(/\$(\d+)/g, (_, n) => `$${Number(n) - 1}`);
    const result = await client.query(
      `SELECT count(*)::int AS n FROM "${schema}".${table} WHERE ${condition}`,
      params,
    );
    const matches = compileWhere(where, COLUMNS, 'where');
    const expected = rows.reduce((n, row) => n + (matches(row) ? 1 : 0), 0);
    if (result.rows[0].n !== expected)
      throw new Error(
        `bench: SQL for ${JSON.stringify(where)} finds ${result.rows[0].n} rows, allot ${expected}`,
      );
  }
}

/** Frees the baseline's rows for the next round, and leaves its indexes and statistics clean. */
async function resetBaseline(client, schema, table) {
  await client.query(
    `UPDATE "${schema}".${table} SET leased_by = NULL WHERE leased_by IS NOT NULL`,
  );
  await client.query(`VACUUM ANALYZE "${schema}".${table}`);
}

/** allot on a replica that never saw the block: a new store, candidates gathered in SQL. */
async function allotFresh(schema, refs) {
  const store = await openPostgresStore(DATABASE_URL, { schema });
  try {
    const job = await timedJob(store, WS, refs);
    await store.releaseJob(WS, job.jobId, new Date());
    return job;
  } finally {
    await store.close();
  }
}

async function main() {
  if (DATABASE_URL === undefined) {
    console.log(
      'bench:postgres needs a database: set ALLOT_BENCH_POSTGRES_URL=postgres://… (or ALLOT_TEST_POSTGRES_URL)',
    );
    process.exitCode = 1;
    return;
  }
  const schema = `allot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    const finds = makeFinds();
    const tests = makeTests(TESTS, finds);
    const pool = { name: 'bench', key: 'id', blocks: [{ name: 'customers' }], secrets: [], tests };
    const refs = tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test }));
    const rows = makeRows(ROWS);

    const store = await openPostgresStore(DATABASE_URL, { schema });
    const setupStart = performance.now();
    await store.addBlockVersion(WS, {
      block: 'customers',
      columns: COLUMNS,
      keyColumn: 'id',
      rows,
      origin: 'import',
    });
    await store.putPool(WS, pool);
    await store.close();
    // Autovacuum visits a freshly imported table soon after: done here, so that no round pays
    // for it (or for the first scan of the new rows) by the chance of timing.
    await admin.query(`VACUUM ANALYZE "${schema}".block_rows`);
    await createBaselineTable(admin, schema, 'baseline');
    await checkTranslation(admin, schema, 'baseline', finds, rows);
    console.log(
      `setup: ${ROWS.toLocaleString()} rows imported into PostgreSQL and copied into the baseline's indexed table, ${TESTS.toLocaleString()} tests, ${seconds(setupStart).toFixed(2)} s`,
    );

    const sides = {
      allot: () => allotFresh(schema, refs),
      sequential: () => handRolled(`"${schema}".baseline`, tests, finds, 1),
      parallel: () => handRolled(`"${schema}".baseline`, tests, finds, CONNECTIONS),
    };
    const order = Object.keys(sides);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const before = load();
      const round = {};
      // The order rotates, so no side always runs first (or last) in a round.
      for (const name of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
        round[name] = await sides[name]();
        if (name !== 'allot') await resetBaseline(admin, schema, 'baseline');
      }
      round.load = `${before} → ${load()}`;
      round.ratioSequential = round.sequential.elapsed / (round.allot.ms / 1000);
      round.ratioParallel = round.parallel.elapsed / (round.allot.ms / 1000);
      rounds.push(round);
      console.log(
        `round ${i + 1} (load ${round.load}): allot ${s(round.allot.ms)} (cpu ${s(round.allot.cpuMs)}) [${phaseLine(round.allot)} ms], ` +
          `loop 1 connection ${round.sequential.elapsed.toFixed(2)} s, loop ${CONNECTIONS} connections ${round.parallel.elapsed.toFixed(2)} s; ` +
          `ratios ${times(round.ratioSequential)}, ${times(round.ratioParallel)}`,
      );
    }

    const of = (pick, unit) => spread(rounds.map(pick), unit);
    const verdict = (median, goal) => (median >= goal ? 'OK' : 'UNDER');
    const sequential = of((r) => r.ratioSequential, times);
    const parallel = of((r) => r.ratioParallel, times);
    const last = rounds.at(-1);
    console.log('');
    console.log(
      `postgres: ${TESTS.toLocaleString()} tests over ${ROWS.toLocaleString()} rows, ${ROUNDS} paired rounds (min / median / max)`,
    );
    console.log(
      `  load average (1/5/15 min) at the end: ${load()} on ${availableParallelism()} cores`,
    );
    console.log(
      `  allot, fresh store:          ${of((r) => r.allot.ms, s).text} (candidates gathered in SQL)`,
    );
    console.log(`  allot CPU (user + system):   ${of((r) => r.allot.cpuMs, s).text}`);
    console.log(`  loop, 1 connection:          ${of((r) => r.sequential.elapsed * 1000, s).text}`);
    console.log(
      `  loop, ${CONNECTIONS} connections:         ${of((r) => r.parallel.elapsed * 1000, s).text}`,
    );
    console.log(
      `  ratio loop 1 conn / allot:   ${sequential.text} (goal ≥ 20×) ${verdict(sequential.median, 20)}`,
    );
    console.log(
      `  ratio loop ${CONNECTIONS} conn / allot:   ${parallel.text} (goal ≥ 5×) ${verdict(parallel.median, 5)}`,
    );
    for (const name of ['resolve', 'gather', 'match', 'explain', 'makes', 'commit'])
      console.log(
        `  phase ${name.padEnd(8)} ms:      ${
          of(
            (r) => r.allot.phases[name] ?? 0,
            (ms) => ms.toFixed(0),
          ).text
        }`,
      );
    console.log(
      `  allot: ${last.allot.allocated} allocated, ${last.allot.made} made, ${last.allot.failed} failed by design:`,
    );
    for (const [reason, count] of Object.entries(last.allot.reasons))
      console.log(`    ${count} × ${reason}`);
    console.log(
      `  loop: ${last.sequential.satisfied} tests got all their rows on 1 connection, ${last.parallel.satisfied} on ${CONNECTIONS} (it takes the first free row; allot matches)`,
    );
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

await main();
