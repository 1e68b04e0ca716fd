import * as core from '@actions/core';
import { AllotClient, type JobStatus, type Row, type StoredResult } from '@allot/client';
import { AllotError, loadPoolFile, type PoolDefinition, type TestOutcome } from '@allot/core';
import { expandGlobs } from './expand-globs.js';
import type { ActionInputs } from './inputs.js';
import type { Outcome, RememberJob } from './outcome.js';
import { requestedTests } from './requested-tests.js';
import { allTests, selectTests, type PoolTests } from './select-tests.js';

/** What the job reads of a pool: its tests, and the columns to mask. */
type KnownPool = PoolTests & { secrets: string[] };

/**
 * Runs the job on an allot server: uploads the pool files (and their block
 * files) when some are given, runs the bundle as one job through
 * `POST /api/v1/jobs` (with the `ttl` input as its lease time), then reads
 * every test's values back. The job is remembered as soon as the server has
 * taken it, and again once it has ended.
 */
export async function runOnServer(
  inputs: ActionInputs,
  { url, apiKey }: { url: string; apiKey: string },
  remember: RememberJob,
): Promise<Outcome> {
  const client = new AllotClient({ baseUrl: url, apiKey, log: (line) => core.info(line) });
  const local = await uploadPoolFiles(client, inputs);
  const requested = await requestedTests(inputs.tests, inputs.workingDirectory);
  const pools: KnownPool[] = local ?? (await serverPools(client));
  const selection =
    requested === undefined ? allTests(pools) : selectTests(requested, pools, inputs.pool);
  if (selection.bundle.length === 0) return { report: null, missing: selection.missing };
  const job = await client.runJob(selection.bundle, {
    server: inputs.server,
    ...(inputs.ttlSeconds === undefined ? {} : { ttlSeconds: inputs.ttlSeconds }),
    onStarted: (status) => remember({ jobId: status.id, created: true, expiresAt: null }),
    onProgress: progressLogger(),
  });
  if (job.expiresAt === null)
    throw new Error(`job ${job.id} did not commit on the server: ${job.message}`);
  const created = job.answeredBy === null || job.answeredBy === job.id;
  remember({ jobId: job.answeredBy ?? job.id, created, expiresAt: job.expiresAt });
  // The bundle was selected from `pools`, and the job holds exactly its tests.
  const secrets = new Map(pools.map((p) => [p.name, p.secrets]));
  const results = await resultsOf(client, [...new Set(job.tests.map((t) => t.pool))]);
  const tests: TestOutcome[] = [];
  for (const t of job.tests) {
    let values: Row[] = [];
    if (t.status !== 'failed') {
      // A result missing from the listing is read alone, for the error that names the test.
      values = results.get(keyOf(t))?.rows ?? (await client.rows(t.pool, t.suite, t.test));
    }
    tests.push({
      ...t,
      values,
      secrets: secrets.get(t.pool) ?? unaskedPool(job.id, t.pool),
    });
  }
  return {
    report: {
      jobId: job.answeredBy ?? job.id,
      dryRun: false,
      cached: !created,
      state: job.failed > 0 ? 'failed' : 'complete',
      namespace: job.namespace ?? '',
      expiresAt: job.expiresAt,
      allocated: job.allocated,
      made: job.made,
      reused: job.reused,
      failed: job.failed,
      tests,
      forecast: [],
    },
    missing: selection.missing,
  };
}

/** Validates the pool files here (errors name file and line), then pushes blocks and pools. */
async function uploadPoolFiles(
  client: AllotClient,
  inputs: ActionInputs,
): Promise<PoolDefinition[] | undefined> {
  if (inputs.poolFiles.length === 0) return undefined;
  const files = await expandGlobs('pool-files', inputs.poolFiles, inputs.workingDirectory);
  const pools = await Promise.all(files.map((file) => loadPoolFile(file)));
  const seen = new Map<string, string>();
  pools.forEach((pool, index) => {
    const other = seen.get(pool.name);
    if (other !== undefined)
      throw new AllotError(
        'INVALID_POOL',
        `pool "${pool.name}" is defined twice: in ${other} and in ${files[index]}`,
      );
    seen.set(pool.name, files[index] as string);
  });
  for (const [index, pool] of pools.entries()) {
    for (const block of pool.blocks) {
      if (block.file === undefined) continue;
      const { imported } = await client.uploadBlock(block.name, block.file, {
        keyColumn: pool.key,
      });
      if (imported)
        core.info(`uploaded ${block.file} as a new version of data block "${block.name}"`);
    }
    await client.uploadPool(files[index] as string);
    core.info(`uploaded pool "${pool.name}" (${pool.tests.length} tests)`);
  }
  return pools;
}

/** Every pool of the key's workspace, with its tests. */
async function serverPools(client: AllotClient): Promise<KnownPool[]> {
  const names = (await client.pools()).map((p) => p.name);
  return Promise.all(names.map((name) => client.pool(name)));
}

/** Logs a running job's progress line whenever it changes. */
function progressLogger(): (status: JobStatus) => void {
  let last = '';
  return (status) => {
    const line = `allot: job ${status.id} is running: ${status.message}`;
    if (line !== last) core.info(line);
    last = line;
  };
}

/** The stored results of the pools, by pool, suite and test: one request per 1,000 tests. */
async function resultsOf(
  client: AllotClient,
  pools: readonly string[],
): Promise<Map<string, StoredResult>> {
  const byTest = new Map<string, StoredResult>();
  for (const pool of pools) {
    for (const result of await client.poolResults(pool)) byTest.set(keyOf(result), result);
  }
  return byTest;
}

/** A test of a pool the bundle did not hold: the server answered for another job. */
function unaskedPool(jobId: number, pool: string): never {
  throw new Error(`job ${jobId} holds a test of pool "${pool}", which the job did not ask for`);
}

function keyOf(ref: { pool: string; suite: string; test: string }): string {
  return JSON.stringify([ref.pool, ref.suite, ref.test]);
}
