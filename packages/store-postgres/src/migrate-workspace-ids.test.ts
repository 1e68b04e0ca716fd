import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the workspace ids migration');

const NOW = new Date('2030-01-01T00:00:00Z');
const LATER = new Date('2030-01-01T02:00:00Z');

/** A job of one test holding one row, as the store before migration 0004 wrote it. */
async function insertJob(client: pg.Client, workspace: string, test: string, row: string) {
  const { rows } = await client.query<{ id: string }>(`SELECT nextval('job_ids') AS id`);
  const id = Number(rows[0]?.id);
  await client.query(
    `INSERT INTO jobs (id, workspace, bundle_key, state, namespace, created_at, expires_at, allocated, made, cached, failed)
     VALUES ($1, $2, $3, 'complete', 'ns', $4, $5, 1, 0, 0, 0)`,
    [id, workspace, `bundle-${id}`, NOW, LATER],
  );
  await client.query(
    `INSERT INTO job_tests (job_id, test_index, pool, suite, test, status, rows, read_only, consume)
     VALUES ($1, 0, 'shop', 's', $2, 'allocated', $3::json, false, false)`,
    [id, test, JSON.stringify([{ block: 'customers', key: row }])],
  );
  await client.query(
    `INSERT INTO leases (workspace, block, row_key, job_id, test_index, shared, created_at, expires_at)
     VALUES ($1, 'customers', $2, $3, 0, false, $4, $5)`,
    [workspace, row, id, NOW, LATER],
  );
  await client.query(
    `INSERT INTO results (workspace, pool, suite, test, job_id, columns, rows, created_at)
     VALUES ($1, 'shop', 's', $2, $3, '["id"]', $4::json, $5)`,
    [workspace, test, id, JSON.stringify([{ id: row }]), NOW],
  );
  return id;
}

async function insertAudit(client: pg.Client, workspace: string): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO audit_events (workspace, at, actor, action, target, details)
     VALUES ($1, $2, 'k', 'job.execute', 'job:1', '{}') RETURNING id`,
    [workspace, NOW],
  );
  return Number(rows[0]?.id);
}

describe('migration 0004: ids per workspace', () => {
  const schema = `allot_ids_${randomBytes(5).toString('hex')}`;

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('keeps every job and audit event under its id and counts on per workspace', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      expect(await migrate(client, schema, { upTo: 3 })).toEqual([1, 2, 3]);
      // Ids from store-wide counters: a 1, b 2, a 3; id 4 reserved and never committed.
      expect(await insertJob(client, 'a', 'first', 'c1')).toBe(1);
      expect(await insertJob(client, 'b', 'other', 'c1')).toBe(2);
      expect(await insertJob(client, 'a', 'second', 'c2')).toBe(3);
      await client.query(`SELECT nextval('job_ids')`);
      expect([
        await insertAudit(client, 'a'),
        await insertAudit(client, 'b'),
        await insertAudit(client, 'a'),
      ]).toEqual([1, 2, 3]);
      expect(await migrate(client, schema, { upTo: 4 })).toEqual([4]);
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    try {
      expect((await store.getJob('a', 3))?.tests.map((t) => t.test)).toEqual(['second']);
      expect((await store.getJob('b', 2))?.tests.map((t) => t.test)).toEqual(['other']);
      expect(await store.getJob('b', 1)).toBeUndefined();
      expect((await store.listJobs('a', { limit: 10, offset: 0 })).map((j) => j.id)).toEqual([
        3, 1,
      ]);
      expect((await store.getResult('b', { pool: 'shop', suite: 's', test: 'other' }))?.jobId).toBe(
        2,
      );
      // Workspaces with jobs go on after the highest id ever handed out; others start at 1.
      expect(await store.reserveJobId('a')).toBe(5);
      expect(await store.reserveJobId('b')).toBe(5);
      expect(await store.reserveJobId('new')).toBe(1);
      const audit = (workspace: string) =>
        store.appendAudit({
          workspace,
          at: NOW.toISOString(),
          actor: 'k',
          action: 'job.release',
          target: 'job:1',
          details: {},
        });
      expect((await audit('a')).id).toBe(4);
      expect((await audit('b')).id).toBe(4);
      expect((await audit('new')).id).toBe(1);
      expect((await store.listAudit('a', { limit: 10, offset: 0 })).map((e) => e.id)).toEqual([
        4, 3, 1,
      ]);

      // Releasing an old job touches its own workspace's leases only.
      expect(await store.releaseJob('b', 2, NOW)).toEqual({ released: 1, consumed: 0 });
      expect((await store.claimState('a', ['customers'], NOW)).leases.size).toBe(2);
      expect((await store.claimState('b', ['customers'], NOW)).leases.size).toBe(0);
      await expect(store.releaseJob('b', 1, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await store.close();
    }
  });
});
