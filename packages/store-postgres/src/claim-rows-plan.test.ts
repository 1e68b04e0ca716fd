import { randomBytes } from 'node:crypto';
import type { Store } from '@allot/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPositional } from './named-parameters.js';
import { openPostgresStore } from './open-postgres-store.js';
import { loadSqlTexts } from './sql-files.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the claim statement plan');

const WS = 'w';
const T0 = new Date('2030-01-01T00:00:00Z');
const ROWS = 2_000;
const keys = Array.from({ length: ROWS }, (_, i) => `c${String(i).padStart(5, '0')}`);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Every node of a plan that reads `relation`, with how many times it ran. */
function readsOf(node: PlanNode, relation: string): Array<{ type: string; loops: number }> {
  const own =
    node['Relation Name'] === relation
      ? [{ type: node['Node Type'], loops: node['Actual Loops'] }]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => readsOf(child, relation))];
}

describe('the claim of a commit', () => {
  const schema = `allot_claim_plan_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let client: pg.Client;

  beforeAll(async () => {
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    await store.addBlockVersion(WS, {
      block: 'customers',
      columns: ['id'],
      keyColumn: 'id',
      rows: keys.map((key) => [key]),
      origin: 'import',
    });
    client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`SET search_path = "${schema}"`);
  });

  afterAll(async () => {
    await client?.end();
    await store?.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('reads the leases table once, even when a vacuum left it empty with statistics of no rows', async () => {
    // A job that leased every row and was released: its leases are dead rows a vacuum removes,
    // leaving a table of no pages, as a replica's leases table is between two large jobs.
    const id = await store.reserveJobId(WS);
    const test = (key: string, index: number) => ({
      pool: 'shop',
      suite: 's',
      test: `t${index}`,
      status: 'allocated' as const,
      reason: null,
      rows: [{ block: 'customers', key }],
      readOnly: false,
      consume: false,
      fromJob: null,
      releasedAt: null,
    });
    const tests = keys.map(test);
    await store.commitJob(
      {
        workspace: WS,
        jobId: id,
        bundleKey: 'b',
        namespace: 'ns',
        createdAt: T0.toISOString(),
        expiresAt: new Date(T0.getTime() + 3_600_000).toISOString(),
        tests,
        results: [],
        madeRows: [],
        supersedes: [],
      },
      T0,
    );
    await store.releaseJob(WS, id, T0);
    await client.query('VACUUM leases');

    const texts = await loadSqlTexts();
    const statement = toPositional(texts['claim-rows'], {
      workspace: WS,
      job_id: id + 1,
      now: T0,
      expires_at: new Date(T0.getTime() + 3_600_000),
      blocks: keys.map(() => 'customers'),
      row_keys: keys,
      test_indexes: keys.map((_, index) => index),
      shared: keys.map(() => false),
    });
    await client.query('BEGIN');
    try {
      const explained = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
        statement.values,
      );
      const plan = explained.rows[0]?.['QUERY PLAN'][0]?.Plan;
      expect(plan).toBeDefined();
      const reads = readsOf(plan as PlanNode, 'leases');
      expect(reads.length).toBeGreaterThan(0);
      // Once per claim, each scan would also read every page the insert had added so far.
      for (const read of reads) expect(read, JSON.stringify(reads)).toMatchObject({ loops: 1 });
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
