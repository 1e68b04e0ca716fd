// Benchmark: the vendor `result/value` route of @allot/server over 10,000
// allocated tests, against a bare fastify route returning a constant of the
// same shape and size. Each server runs in its own child process with the
// same Node flags and the same logger settings; autocannon drives it from this process with 64
// connections. Rounds are paired: each runs both routes, in rotating order,
// and gives the ratio of their server CPU per request (what the route costs,
// whatever caps the request rate); the ratios are printed as min / median /
// max over at least 5 rounds, with the load average. Then: jobs per second for bundles of 100 tests, executed
// through the vendor execute route one after another and 4 at a time.
//
//   pnpm bench:serve           (DURATION=10 ROUNDS=5 CONNECTIONS=64 TESTS=10000 to change)
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 64);
const TESTS = Number(process.env.TESTS ?? 10_000);
const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const BUNDLE = 100;
const BUNDLES = Number(process.env.BUNDLES ?? 60);
const LOG_LEVEL = 'warn';
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

if (process.argv[2] === '--child') await child(process.argv[3]);
else await parent();

async function parent() {
  console.log(
    `node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per run, ${TESTS} allocated tests`,
  );
  const bare = await startChild('bare');
  const allot = await startChild('allot');
  console.log(`allot: ${TESTS} tests allocated in one job in ${allot.setupMs} ms (lowdb store)`);
  let next = 0;
  const path = () => {
    const test = encodeURIComponent(`test ${next++ % TESTS}`);
    return `/api/apikey/${allot.key}/allocation-pool/bench/suite/suite%20one/allocated-test/${test}/result/value`;
  };
  // Paired rounds: a burst of other work on the shared machine lands on both routes of a
  // round, and the order rotates so neither always runs first.
  const bareRuns = [];
  const allotRuns = [];
  const loads = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = load();
    if (round % 2 === 0) {
      bareRuns.push(await drive(bare, () => '/constant'));
      allotRuns.push(await drive(allot, path));
    } else {
      allotRuns.push(await drive(allot, path));
      bareRuns.push(await drive(bare, () => '/constant'));
    }
    loads.push(`${before} → ${load()}`);
  }
  const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
  const bareRun = best(bareRuns);
  const allotRun = best(allotRuns);
  for (let round = 0; round < ROUNDS; round++) {
    console.log(
      `round ${round + 1} (load ${loads[round]}): bare ${bareRuns[round].rps.toFixed(0)} req/s (${bareRuns[round].cpuPerRequest.toFixed(1)} µs CPU/req), result/value ${allotRuns[round].rps.toFixed(0)} req/s (${allotRuns[round].cpuPerRequest.toFixed(1)} µs CPU/req), p99 ${allotRuns[round].p99} ms; CPU bare/allot ${(bareRuns[round].cpuPerRequest / allotRuns[round].cpuPerRequest).toFixed(2)}×`,
    );
  }
  bare.stop();
  const jobs = await bundles(allot.url, allot.key);
  allot.stop();

  const ratio = allotRun.rps / bareRun.rps;
  console.log('');
  console.log('| route | req/s | p50 ms | p99 ms | non-2xx | server CPU µs/req |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, run] of [
    ['bare fastify, constant', bareRun],
    ['vendor GET result/value', allotRun],
  ]) {
    console.log(
      `| ${name} | ${run.rps.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.non2xx} | ${run.cpuPerRequest.toFixed(1)} |`,
    );
  }
  console.log('');
  // The goal is on CPU per request (below): req/s and latency are printed for what they are, with
  // the load generator on the same cores they say as much about the machine as about the route.
  console.log(
    `req/s of the best runs: result/value ${ratio.toFixed(2)}× the bare route (no goal); p99 ${allotRun.p99} ms`,
  );
  // With the load generator on the same machine, req/s may be capped by it for both
  // routes; the server's CPU time per request is not, and says what the route costs.
  const cpuRatios = spread(
    bareRuns.map((run, round) => run.cpuPerRequest / allotRuns[round].cpuPerRequest),
    (x) => `${x.toFixed(2)}×`,
  );
  const perRequest = (runs) =>
    spread(
      runs.map((run) => run.cpuPerRequest),
      (x) => x.toFixed(1),
    ).text;
  console.log(
    `server CPU µs per request (min / median / max over ${ROUNDS} paired rounds): bare ${perRequest(bareRuns)}, result/value ${perRequest(allotRuns)}`,
  );
  console.log(
    `ratio bare/allot CPU per request, per round: ${cpuRatios.text} (goal ≥ 0.9×) ${cpuRatios.median >= 0.9 ? 'OK' : 'UNDER'}`,
  );
  console.log(`load average (1/5/15 min) at the end: ${load()} on ${availableParallelism()} cores`);
  for (const run of jobs) {
    console.log(
      `jobs of ${BUNDLE} tests, ${run.concurrency} at a time: ${run.jobsPerSecond.toFixed(1)} jobs/s (${run.jobs} jobs, ${run.ms} ms)`,
    );
  }
}

/** Runs autocannon against a server: a warm-up, then the measured run, with the server's CPU time per request. */
async function drive(server, path) {
  const url = server.url;
  const options = (duration) => ({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  await autocannon(options(2));
  const before = await server.cpu();
  const result = await autocannon(options(DURATION));
  const cpuMicros = (await server.cpu()) - before;
  return {
    cpuPerRequest: cpuMicros / result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/** Executes bundles of 100 fresh tests through the vendor route, sequentially and 4 at a time. */
async function bundles(url, key) {
  const runs = [];
  let offset = 0;
  for (const concurrency of [1, 4]) {
    const started = Date.now();
    let done = 0;
    const worker = async () => {
      while (done < BUNDLES) {
        done++;
        const first = offset;
        offset += BUNDLE;
        const body = Array.from({ length: BUNDLE }, (_, i) => ({
          poolName: 'jobs',
          suiteName: 'suite',
          allocationTestName: `job test ${first + i}`,
        }));
        const response = await fetch(
          `${url}/api/apikey/${key}/allocation-pool/jobs/resolve/server/local/execute`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
        );
        const job = await response.json();
        if (job.jobState !== 'Complete') throw new Error(`bundle failed: ${JSON.stringify(job)}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const ms = Date.now() - started;
    runs.push({ concurrency, jobs: BUNDLES, ms, jobsPerSecond: (BUNDLES * 1000) / ms });
  }
  return runs;
}

/**
 * Starts a child server and resolves with its address once it listens, and
 * a way to read the CPU time (µs, user + system) the child has used so far.
 */
function startChild(mode) {
  const process_ = fork(fileURLToPath(import.meta.url), ['--child', mode], { stdio: 'inherit' });
  const cpu = () =>
    new Promise((resolve) => {
      process_.once('message', (message) => resolve(message.cpu));
      process_.send('cpu');
    });
  return new Promise((resolve, reject) => {
    process_.once('error', reject);
    process_.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    process_.once('message', (message) =>
      resolve({ ...message, cpu, stop: () => process_.kill('SIGTERM') }),
    );
  });
}

/** In a child: answers `cpu` with the process's CPU time so far (without keeping the child alive). */
function answerCpuQueries() {
  process.channel?.unref();
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  });
}

async function child(mode) {
  if (mode === 'bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: { level: LOG_LEVEL } });
    // The shape and size (97 bytes) of a result/value answer in the middle of the seeded rows.
    app.get('/constant', () => ({
      id: 'customers-1234',
      email: 'customers1234@example.test',
      status: 'active',
      balance: '234.00',
    }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send({ url: `http://127.0.0.1:${app.server.address().port}` });
    answerCpuQueries();
    process.once('SIGTERM', () => void app.close());
    return;
  }
  const { openLowdbStore } = await import('@allot/store-lowdb');
  const { buildApp, createWorkspaceWithAdminKey } = await import('@allot/server');
  const dir = await mkdtemp(join(tmpdir(), 'allot-bench-serve-'));
  const store = await openLowdbStore(dir);
  const { adminKey } = await createWorkspaceWithAdminKey(store, { id: 'bench' });
  // Rate limiting stays on (its cost is part of the route), with a ceiling the load never reaches.
  const app = await buildApp({
    store,
    closeStore: true,
    logLevel: LOG_LEVEL,
    rateLimit: { max: 1e9, timeWindowMs: 60_000 },
  });
  const started = Date.now();
  await seed(app, adminKey);
  const setupMs = Date.now() - started;
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send({ url: `http://127.0.0.1:${app.server.address().port}`, key: adminKey, setupMs });
  answerCpuQueries();
  process.once('SIGTERM', () => {
    void app.close().then(() => rm(dir, { recursive: true, force: true }));
  });
}

/** Two blocks and pools: `bench` with every test allocated, `jobs` left for the bundle runs. */
async function seed(app, key) {
  const headers = { authorization: `Bearer ${key}` };
  const rows = (prefix, count) =>
    [
      'id,email,status,balance',
      ...Array.from(
        { length: count },
        (_, i) => `${prefix}-${i},${prefix}${i}@example.test,active,${i % 1000}.00`,
      ),
    ].join('\n');
  for (const [block, count] of [
    ['customers', TESTS],
    ['accounts', BUNDLE * BUNDLES * 2 + 100],
  ]) {
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/blocks/${block}?keyColumn=id`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: rows(block, count),
    });
    if (upload.statusCode !== 201) throw new Error(upload.body);
  }
  const pool = (name, block, suite, prefix, count) => ({
    pool: name,
    key: 'id',
    blocks: [block],
    tests: Array.from({ length: count }, (_, i) => ({
      suite,
      test: `${prefix} ${i}`,
      find: { where: { status: 'active' } },
    })),
  });
  for (const body of [
    pool('bench', 'customers', 'suite one', 'test', TESTS),
    pool('jobs', 'accounts', 'suite', 'job test', BUNDLE * BUNDLES * 2),
  ]) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      headers,
      payload: body,
    });
    if (created.statusCode !== 201) throw new Error(created.body);
  }
  const tests = Array.from({ length: TESTS }, (_, i) => ({
    pool: 'bench',
    suite: 'suite one',
    test: `test ${i}`,
  }));
  const job = await app.inject({
    method: 'POST',
    url: '/api/v1/jobs',
    headers,
    payload: { tests, waitMs: 60_000 },
  });
  if (job.json().state !== 'complete')
    throw new Error(`allocating ${TESTS} tests failed: ${job.body.slice(0, 500)}`);
}
