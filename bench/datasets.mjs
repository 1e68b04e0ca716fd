// Benchmark: 1,000 datasets of 20 variables created through TestRail's
// routes (`index.php?/api/v2/add_dataset/{project}`), end to end over HTTP
// against `allot serve` on a port, then read back with `get_datasets` in
// pages of 250. The budget is 30 s for the creation.
//
//   pnpm bench:datasets          (DATASETS=1000 VARIABLES=20 CONCURRENCY=8 to change;
//                                 STORE=postgres://…?schema=<new schema> for PostgreSQL)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@allot/server';

const DATASETS = Number(process.env.DATASETS ?? 1000);
const VARIABLES = Number(process.env.VARIABLES ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const BUDGET_MS = 30_000;

const dir = await mkdtemp(join(tmpdir(), 'allot-bench-datasets-'));
const server = await startServer({
  dataDir: dir,
  ...(process.env.STORE === undefined ? {} : { storeSpec: process.env.STORE }),
  port: 0,
  logLevel: 'warn',
  handleSignals: false,
  print: () => undefined,
  rateLimit: false,
});
try {
  if (server.adminKey === null)
    throw new Error(
      'the store has a workspace already: give STORE a fresh schema (postgres://…?schema=bench_datasets_1)',
    );
  const admin = { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' };
  const v1 = async (path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await v1('/api/v1/users', {
    id: 'bench',
    name: 'Bench',
    email: 'bench@example.test',
    role: 'tester',
  });
  const { key } = await v1('/api/v1/keys', { name: 'bench', role: 'tester', userId: 'bench' });
  const { id: project } = await v1('/api/v1/projects', { name: `bench ${Date.now()}` });
  const auth = `Basic ${Buffer.from(`bench@example.test:${key}`).toString('base64')}`;
  const call = async (method, route, body) => {
    const response = await fetch(`${server.url}/index.php?/api/v2/${route}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.status !== 200) throw new Error(`${route}: ${response.status} ${answer.error}`);
    return answer;
  };

  const names = Array.from({ length: VARIABLES }, (_, i) => `var_${i + 1}`);
  for (const name of names) await call('POST', `add_variable/${project}`, { name });

  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < DATASETS; i = next++) {
      const values = Object.fromEntries(names.map((name, j) => [name, `value ${i}.${j}`]));
      await call('POST', `add_dataset/${project}`, { name: `dataset ${i + 1}`, variables: values });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const createMs = performance.now() - started;

  const readStarted = performance.now();
  let read = 0;
  let pages = 0;
  for (let route = `get_datasets/${project}&limit=250`; route !== null; pages++) {
    const page = await call('GET', route);
    read += page.size;
    for (const dataset of page.datasets)
      if (dataset.variables.length !== VARIABLES)
        throw new Error(`dataset ${dataset.id} lacks values`);
    route = page._links.next === null ? null : page._links.next.replace(/^\/api\/v2\//, '');
  }
  const readMs = performance.now() - readStarted;
  if (read !== DATASETS + 1) throw new Error(`read ${read} datasets, expected ${DATASETS + 1}`);

  const store = process.env.STORE === undefined ? 'embedded store' : 'PostgreSQL store';
  console.log(`node ${process.version}, ${store}, ${CONCURRENCY} clients, ${VARIABLES} variables`);
  console.log(
    `created ${DATASETS} datasets through add_dataset in ${(createMs / 1000).toFixed(1)} s (${Math.round(DATASETS / (createMs / 1000))}/s, budget ${BUDGET_MS / 1000} s: ${createMs <= BUDGET_MS ? 'within' : 'OVER'})`,
  );
  console.log(
    `read ${read} datasets back with get_datasets in ${pages} pages of 250 in ${readMs.toFixed(0)} ms`,
  );
  if (createMs > BUDGET_MS) process.exitCode = 1;
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
