// Benchmark: the 10,000-test job of bench/allocate.mjs on the PostgreSQL
// store, against the claim loop teams hand-roll today on the same rows: per
// test, one `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)
// RETURNING *` (twice for a test that needs two rows).
//
//   ALLOT_BENCH_POSTGRES_URL=postgres://… pnpm bench:postgres
//   (ALLOT_TEST_POSTGRES_URL works too; ROWS=… TESTS=… CONNECTIONS=… to change the size)
//
// Everything lives in a fresh schema, dropped at the end.
import { randomBytes } from 'node:crypto';
import { compileWhere, executeJob } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { COLUMNS, makeFinds, makeRows, makeTests } from './workload.mjs';

const DATABASE_URL = process.env.ALLOT_BENCH_POSTGRES_URL ?? process.env.ALLOT_TEST_POSTGRES_URL;
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TESTS = Number(process.env.TESTS ?? 10_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);
const WS = 'default';
const seconds = (start) => (performance.now() - start) / 1000;

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

/**
 * Times the store's operations, to show where a job's time goes: per
 * operation, the wall time during which at least one call of it was in
 * flight (calls made together, as the engine batches finds, overlap).
 */
function timed(store) {
  const calls = new Map();
  const proxy = new Proxy(store, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== 'function') return value;
      return async (...args) => {
        const entry = calls.get(name) ?? { count: 0, ms: 0, active: 0, since: 0 };
        calls.set(name, entry);
        entry.count++;
        if (entry.active++ === 0) entry.since = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          if (--entry.active === 0) entry.ms += performance.now() - entry.since;
        }
      };
    },
  });
  const summary = () =>
    [...calls]
      .filter(([, e]) => e.ms >= 50)
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([name, e]) => `${name} ×${e.count.toLocaleString()} ${(e.ms / 1000).toFixed(2)} s`)
      .join(', ');
  return { store: proxy, summary, reset: () => calls.clear() };
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

/**
 * Runs the bundle as one job on a timed store, prints its time and where it
 * went, then releases it so the next job starts from the same free rows.
 */
async function allotJob(timedStore, refs, label) {
  const start = performance.now();
  const report = await executeJob(timedStore.store, { workspace: WS, tests: refs });
  const elapsed = seconds(start);
  console.log(
    `allot job (${label}): ${elapsed.toFixed(2)} s — ${report.allocated} allocated, ${report.failed} failed`,
  );
  console.log(`  store calls: ${timedStore.summary()}`);
  await timedStore.store.releaseJob(WS, report.jobId, new Date());
  return { report, seconds: elapsed, close: () => timedStore.store.close() };
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

    const importing = timed(await openPostgresStore(DATABASE_URL, { schema }));
    const setupStart = performance.now();
    await importing.store.addBlockVersion(WS, {
      block: 'customers',
      columns: COLUMNS,
      keyColumn: 'id',
      rows,
      origin: 'import',
    });
    await importing.store.putPool(WS, pool);
    console.log(
      `setup: ${ROWS.toLocaleString()} rows imported into PostgreSQL, ${TESTS.toLocaleString()} tests, ${seconds(setupStart).toFixed(2)} s`,
    );
    // Autovacuum visits a freshly imported table soon after: done here, so that no job below
    // pays for it (or for the first scan of the new rows) by the chance of timing.
    const vacuumStart = performance.now();
    await admin.query(`VACUUM ANALYZE "${schema}".block_rows`);
    console.log(`setup: block rows vacuumed and analyzed, ${seconds(vacuumStart).toFixed(2)} s`);
    importing.reset();

    // As bench:allocate's headline: the first job, on the store that imported the block. It
    // holds the rows, so it leaves the finds to the engine's in-memory scan.
    const warm = await allotJob(
      importing,
      refs,
      'store that imported the block, rows scanned in memory',
    );
    await warm.close();

    // A replica that never saw the block, running the bundle again after the last run was
    // released: by default PostgreSQL gathers each find's free rows, with their values.
    const inSql = await allotJob(
      timed(await openPostgresStore(DATABASE_URL, { schema })),
      refs,
      'fresh store, candidates gathered in SQL, previous run released',
    );
    await inSql.close();

    // The same replica with gathering off: it reads the whole block and scans it in memory.
    const inMemory = await allotJob(
      timed(await openPostgresStore(DATABASE_URL, { schema, gatherInSql: false })),
      refs,
      'fresh store, gatherInSql: false, block read from PostgreSQL and scanned in memory',
    );
    await inMemory.close();

    await createBaselineTable(admin, schema, 'baseline_1');
    await checkTranslation(admin, schema, 'baseline_1', finds, rows);
    const one = await handRolled(`"${schema}".baseline_1`, tests, finds, 1);
    console.log(
      `hand-rolled, 1 connection: ${one.elapsed.toFixed(2)} s — ${one.satisfied} tests got their rows`,
    );
    let many;
    if (CONNECTIONS > 1) {
      await createBaselineTable(admin, schema, 'baseline_n');
      many = await handRolled(`"${schema}".baseline_n`, tests, finds, CONNECTIONS);
      console.log(
        `hand-rolled, ${CONNECTIONS} connections: ${many.elapsed.toFixed(2)} s — ${many.satisfied} tests got their rows`,
      );
    }

    const ratio = one.elapsed / warm.seconds;
    const times = (baseline, job) => `${(baseline / job.seconds).toFixed(1)}×`;
    console.log('');
    console.log(`postgres: ${TESTS.toLocaleString()} tests over ${ROWS.toLocaleString()} rows`);
    console.log(`  allot bundled job:          ${warm.seconds.toFixed(2)} s (rows in memory)`);
    console.log(
      `  allot, fresh store:         ${inSql.seconds.toFixed(2)} s (gathered in SQL, the default)`,
    );
    console.log(
      `  allot, fresh, no SQL:       ${inMemory.seconds.toFixed(2)} s (gatherInSql: false, reads the block)`,
    );
    console.log(`  hand-rolled, sequential:    ${one.elapsed.toFixed(2)} s`);
    if (many !== undefined)
      console.log(`  hand-rolled, ${CONNECTIONS} parallel:     ${many.elapsed.toFixed(2)} s`);
    console.log(
      `  ratio hand-rolled/allot:    ${ratio.toFixed(1)}× (goal ≥ 10×) ${ratio >= 10 ? 'OK' : 'UNDER'}`,
    );
    console.log(`  ratio, gathered in SQL:     ${times(one.elapsed, inSql)}`);
    console.log(`  ratio, gatherInSql: false:  ${times(one.elapsed, inMemory)}`);
    if (many !== undefined) {
      console.log(
        `  ratio vs ${CONNECTIONS} parallel:        ${times(many.elapsed, warm)} (gathered in SQL ${times(many.elapsed, inSql)}, gatherInSql: false ${times(many.elapsed, inMemory)})`,
      );
    }
    console.log(
      `  tests satisfied: allot ${warm.report.allocated}, hand-rolled ${one.satisfied} (it takes the first free row; allot matches)`,
    );
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

await main();
