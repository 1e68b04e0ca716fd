import { randomBytes } from 'node:crypto';
import { testPostgresUrl } from '@allot/test-support/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from './serve-process.js';

const POSTGRES_URL = testPostgresUrl('replica tests');

const CUSTOMERS = 300;
const BUNDLES = 64;
const TIERS = ['gold', 'silver', 'bronze'];

/** Customers with overlapping traits: a quarter locked, a third gold, balances 0–990. */
function customersCsv(): string {
  const lines = ['id,status,tier,balance'];
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = `C-${String(i).padStart(4, '0')}`;
    lines.push(`${id},${i % 4 === 3 ? 'locked' : 'active'},${TIERS[i % 3]},${(i * 37) % 1000}`);
  }
  return lines.join('\n');
}

/** Bundle j: three tests in suite s<j> of one of two pools over the same rows. */
const poolOf = (j: number) => (j % 2 === 0 ? 'shop' : 'vip');
const TEST_NAMES = ['active customer', 'gold customer', 'rich customer'];

function poolBody(name: string) {
  const tests = [];
  for (let j = 0; j < BUNDLES; j++) {
    if (poolOf(j) !== name) continue;
    const suite = `s${j}`;
    tests.push(
      { suite, test: TEST_NAMES[0], find: { where: { status: 'active' } } },
      { suite, test: TEST_NAMES[1], find: { where: { tier: 'gold' } } },
      {
        suite,
        test: TEST_NAMES[2],
        find: {
          where: { balance: { gt: 400 } },
          order: [{ column: 'balance', direction: 'desc' }],
        },
        // A few bundles only read: they may share rows with each other.
        readOnly: j % 16 === 5,
      },
    );
  }
  return { pool: name, key: 'id', blocks: ['customers'], tests };
}

/** Rounds of the race: each round's three bundles share its tests. */
const RACE_ROUNDS = 8;
const SHARED_TESTS = ['plain', 'closes the account', 'signs up'];

/** Per round: plain rows for the plain and own tests, and rows a test closes (consumes). */
function accountsCsv(): string {
  const lines = ['id,round,kind'];
  for (let round = 0; round < RACE_ROUNDS; round++) {
    for (let i = 0; i < 6; i++) lines.push(`P-r${round}-${i},round ${round},plain`);
    for (let i = 0; i < 4; i++) lines.push(`X-r${round}-${i},round ${round},closable`);
  }
  return lines.join('\n');
}

/** Suite `round <n>`: the shared tests of a round and one test of each replica's own. */
function racePool() {
  const tests = [];
  for (let round = 0; round < RACE_ROUNDS; round++) {
    const suite = `round ${round}`;
    const where = (kind: string) => ({ where: { round: suite, kind } });
    tests.push(
      { suite, test: 'plain', find: where('plain') },
      { suite, test: 'closes the account', consume: true, find: where('closable') },
      {
        suite,
        test: 'signs up',
        find: where('new'),
        // Nothing qualifies: every job that allocates this test makes a row.
        make: { columns: { id: 'M-{{run.namespace}}', round: suite, kind: 'new' } },
      },
      ...[0, 1, 2].map((i) => ({ suite, test: `own ${i}`, find: where('plain') })),
    );
  }
  return { pool: 'race', key: 'id', blocks: ['accounts'], tests };
}

interface VendorJob {
  id: number;
  jobState: string;
  progressMessage: string;
}

describe('three allot serve replicas on one database', () => {
  const schema = `allot_replicas_${randomBytes(5).toString('hex')}`;
  const store = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const db = new pg.Client({ connectionString: POSTGRES_URL });
  let replicas: ServeProcess[] = [];
  let key = '';

  const call = async (
    replica: ServeProcess,
    method: string,
    path: string,
    body?: string,
    type?: string,
  ) => {
    const response = await fetch(`${replica.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(type === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path} on ${replica.url}: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  };

  /** Executes a bundle the way vendor clients do: post, then poll the job until it ends. */
  const executeVendor = async (
    replica: ServeProcess,
    pool: string,
    tests: readonly string[],
    suite: string,
  ): Promise<VendorJob> => {
    const body = tests.map((allocationTestName) => ({
      allocationTestName,
      suiteName: suite,
      poolName: pool,
    }));
    let job = (await call(
      replica,
      'POST',
      `/api/allocation-pool/${pool}/resolve/server/local/execute`,
      JSON.stringify(body),
      'application/json',
    )) as VendorJob;
    // Clients poll until the job ends; a job waiting its turn answers InQueue.
    while (!['Complete', 'Error', 'Cancelled'].includes(job.jobState)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await call(replica, 'GET', `/api/job/${job.id}`)) as VendorJob;
    }
    return job;
  };

  beforeAll(async () => {
    await db.connect();
    // All three start at once on a schema nobody has migrated yet.
    replicas = await Promise.all([startServe(store), startServe(store), startServe(store)]);
    // The key goes to stdout before the process says where it listens on stderr, but the two
    // pipes are read separately: wait for the line itself on whichever replica printed it.
    const printed = await Promise.any(
      replicas.map((r) => r.waitForStdout(/allot_\S+/, 5000)),
    ).catch((error: unknown) => {
      const reasons = error instanceof AggregateError ? error.errors : [error];
      throw new Error(`no replica printed an admin key:\n${reasons.map(String).join('\n')}`);
    });
    key = printed[0];
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.end();
  });

  it('creates the workspace and its admin key exactly once', async () => {
    const printed = replicas.filter((r) => /allot_\S+/.test(r.stdout()));
    expect(printed).toHaveLength(1);
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM "${schema}".workspaces) AS workspaces,
              (SELECT count(*)::int FROM "${schema}".api_keys) AS keys`,
    );
    expect(counts.rows[0]).toEqual({ workspaces: 1, keys: 1 });
  });

  it('hands no row to two live exclusive leases under 64 concurrent executes, and every replica reads the same results', async () => {
    const [first, second, third] = replicas as [ServeProcess, ServeProcess, ServeProcess];
    await call(first, 'POST', '/api/v1/blocks/customers?keyColumn=id', customersCsv(), 'text/csv');
    await call(
      second,
      'POST',
      '/api/v1/pools',
      JSON.stringify(poolBody('shop')),
      'application/json',
    );
    await call(third, 'POST', '/api/v1/pools', JSON.stringify(poolBody('vip')), 'application/json');

    const jobs = await Promise.all(
      Array.from({ length: BUNDLES }, (_, j) =>
        executeVendor(replicas[j % 3] as ServeProcess, poolOf(j), TEST_NAMES, `s${j}`),
      ),
    );
    for (const job of jobs) expect(job.jobState, job.progressMessage).toBe('Complete');
    expect(new Set(jobs.map((job) => job.id)).size).toBe(BUNDLES);

    const doubled = await db.query(
      `SELECT a.block, a.row_key, a.job_id, b.job_id AS other
         FROM "${schema}".leases a
         JOIN "${schema}".leases b
           ON a.workspace = b.workspace AND a.block = b.block AND a.row_key = b.row_key AND a.ctid < b.ctid
        WHERE (NOT a.shared OR NOT b.shared) AND a.expires_at > now() AND b.expires_at > now()`,
    );
    expect(doubled.rows).toEqual([]);
    const leased = await db.query<{ exclusive: number; shared: number }>(
      `SELECT count(*) FILTER (WHERE NOT shared)::int AS exclusive, count(*) FILTER (WHERE shared)::int AS shared
         FROM "${schema}".leases WHERE block = 'customers' AND expires_at > now()`,
    );
    const readOnly = Array.from({ length: BUNDLES }, (_, j) => j).filter(
      (j) => j % 16 === 5,
    ).length;
    expect(leased.rows[0]).toEqual({ exclusive: BUNDLES * 3 - readOnly, shared: readOnly });

    const stored = await db.query<{
      pool: string;
      suite: string;
      test: string;
      rows: Array<Record<string, unknown>>;
    }>(`SELECT pool, suite, test, rows FROM "${schema}".results`);
    expect(stored.rows).toHaveLength(BUNDLES * 3);
    for (const result of stored.rows) {
      const path = `/api/allocation-pool/${result.pool}/suite/${result.suite}/allocated-test/${encodeURIComponent(result.test)}/result/value`;
      const seen = await Promise.all(replicas.map((replica) => call(replica, 'GET', path)));
      const expected = Object.fromEntries(
        Object.entries(result.rows[0] ?? {}).map(([column, value]) => [column, String(value)]),
      );
      for (const values of seen) expect(values).toEqual(expected);
    }
  }, 60_000);

  it('leaves no orphaned lease when bundles sharing tests race on three replicas, and no test consumes or makes more than it asked', async () => {
    const [first, second] = replicas as [ServeProcess, ServeProcess, ServeProcess];
    await call(first, 'POST', '/api/v1/blocks/accounts?keyColumn=id', accountsCsv(), 'text/csv');
    await call(second, 'POST', '/api/v1/pools', JSON.stringify(racePool()), 'application/json');

    // Each round, every replica executes a different bundle at the same moment; the
    // bundles share three tests (a plain one, a consuming one, one with a make).
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const jobs = await Promise.all(
        replicas.map((replica, i) =>
          executeVendor(replica, 'race', [...SHARED_TESTS, `own ${i}`], `round ${round}`),
        ),
      );
      for (const job of jobs) expect(job.jobState, job.progressMessage).toBe('Complete');
    }

    // Every live exclusive lease belongs to the job that holds its test's result.
    const orphans = await db.query(
      `SELECT l.job_id, t.suite, t.test, r.job_id AS result_job
         FROM "${schema}".leases l
         JOIN "${schema}".job_tests t
           ON t.workspace = l.workspace AND t.job_id = l.job_id AND t.test_index = l.test_index
         LEFT JOIN "${schema}".results r
           ON r.workspace = l.workspace AND r.pool = t.pool AND r.suite = t.suite AND r.test = t.test
        WHERE l.block = 'accounts' AND NOT l.shared AND l.expires_at > now()
          AND r.job_id IS DISTINCT FROM l.job_id`,
    );
    expect.soft(orphans.rows).toEqual([]);
    // Each round's consuming test asked for one row, and its make for one row.
    const consumed = await db.query<{ round: string; n: number }>(
      `SELECT split_part(row_key, '-', 2) AS round, count(*)::int AS n
         FROM "${schema}".consumed WHERE block = 'accounts' GROUP BY 1 ORDER BY 1`,
    );
    expect
      .soft(consumed.rows)
      .toEqual(Array.from({ length: RACE_ROUNDS }, (_, round) => ({ round: `r${round}`, n: 1 })));
    const made = await db.query<{ round: string; n: number }>(
      `SELECT r.cells[2] AS round, count(*)::int AS n
         FROM "${schema}".block_rows r
         JOIN "${schema}".block_versions v USING (workspace, block, version)
        WHERE r.block = 'accounts' AND v.origin = 'make' GROUP BY 1 ORDER BY 1`,
    );
    expect(made.rows).toEqual(
      Array.from({ length: RACE_ROUNDS }, (_, round) => ({ round: `round ${round}`, n: 1 })),
    );
  }, 90_000);
});
