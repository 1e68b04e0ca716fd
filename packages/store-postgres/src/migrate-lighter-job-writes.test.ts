import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the lighter job writes migration');

const WS = 'w';
const NOW = new Date('2030-01-01T00:00:00Z');
const LATER = new Date('2030-01-01T01:00:00Z');

describe('migration 0017: lighter job writes', () => {
  const schema = `allot_lighter_${randomBytes(5).toString('hex')}`;

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('keeps the leases and jobs written before it, without what each insert paid for nothing', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await migrate(client, schema, { upTo: 16 });
      await client.query(
        `INSERT INTO jobs (id, workspace, bundle_key, state, namespace, created_at, expires_at, allocated, made, cached, failed)
         VALUES (1, $1, 'b', 'Complete', 'ns', $2, $3, 1, 0, 0, 0)`,
        [WS, NOW, LATER],
      );
      await client.query(
        `INSERT INTO job_tests (workspace, job_id, test_index, pool, suite, test, status, rows, read_only, consume)
         VALUES ($1, 1, 0, 'shop', 's', 'a', 'allocated', '[{"block":"customers","key":"c1"}]', false, false)`,
        [WS],
      );
      await client.query(
        `INSERT INTO leases (workspace, block, row_key, job_id, test_index, shared, created_at, expires_at)
         VALUES ($1, 'customers', 'c1', 1, 0, false, $2, $3)`,
        [WS, NOW, LATER],
      );

      expect(await migrate(client, schema)).toContain(17);
      const layout = await client.query<{ id: string | null; fkeys: number; options: string[] }>(
        `SELECT
           (SELECT column_name FROM information_schema.columns
             WHERE table_schema = $1 AND table_name = 'leases' AND column_name = 'id') AS id,
           (SELECT count(*)::int FROM pg_constraint
             WHERE conrelid = 'job_tests'::regclass AND contype = 'f') AS fkeys,
           (SELECT reloptions FROM pg_class WHERE oid = 'results'::regclass) AS options`,
        [schema],
      );
      expect(layout.rows[0]).toEqual({ id: null, fkeys: 0, options: ['fillfactor=50'] });
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    try {
      const claims = await store.claimState(WS, ['customers'], NOW);
      expect([...claims.leases.values()]).toEqual([[{ jobId: 1, shared: false }]]);
      expect((await store.getJob(WS, 1))?.tests.map((t) => t.test)).toEqual(['a']);
      expect(await store.releaseJob(WS, 1, NOW)).toMatchObject({ released: 1 });
      expect((await store.claimState(WS, ['customers'], NOW)).leases.size).toBe(0);
    } finally {
      await store.close();
    }
  });
});
