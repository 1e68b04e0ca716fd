import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeJob, LeaseConflictError, type JobCommit, type Store } from '@allot/core';
import { openPostgresStore, readMigrations } from '@allot/store-postgres';
import { testPostgresUrl, withClient as withTestClient } from '@allot/test-support/postgres';
import type pg from 'pg';
import { describeStoreContract } from './store-contract.js';

const POSTGRES_URL = testPostgresUrl('postgres contract');

/** A schema nobody else uses, so runs (and parallel test files) never meet. */
const freshSchema = () => `allot_test_${randomBytes(6).toString('hex')}`;

const withClient = <T>(use: (client: pg.Client) => Promise<T>): Promise<T> =>
  withTestClient(POSTGRES_URL, use);

const dropSchema = (schema: string) =>
  withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

/** The schema of each store `openFresh` opened. */
const schemaOf = new WeakMap<Store, string>();

/** A store on its own schema, dropped when the store closes. */
async function openFresh(): Promise<Store> {
  const schema = freshSchema();
  const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 4 });
  schemaOf.set(store, schema);
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await dropSchema(schema);
    },
  }) as Store;
}

const WS = 'replicas';
const T0 = new Date('2030-01-01T00:00:00Z');
const rows = Array.from({ length: 200 }, (_, i) => [
  `r${i}`,
  i % 4 === 0 ? 'locked' : 'active',
  i % 2 ? 'gold' : 'silver',
]);

function claimOne(jobId: number, key: string, readOnly = false): JobCommit {
  return {
    workspace: WS,
    jobId,
    bundleKey: `race-${jobId}`,
    namespace: 'ns',
    createdAt: T0.toISOString(),
    expiresAt: new Date(T0.getTime() + 3_600_000).toISOString(),
    tests: [
      {
        pool: 'race',
        suite: 's',
        test: `t${jobId}`,
        status: 'allocated',
        reason: null,
        rows: [{ block: 'customers', key }],
        readOnly,
        consume: false,
        fromJob: null,
        releasedAt: null,
      },
    ],
    results: [],
    madeRows: [],
    supersedes: [],
  };
}

describe('postgres store', () => {
  describeStoreContract('postgres', openFresh, (store) =>
    openPostgresStore(POSTGRES_URL, { schema: schemaOf.get(store)!, poolSize: 2 }),
  );

  describe('two replicas on one database', () => {
    const schema = freshSchema();
    let first: Store;
    let second: Store;

    beforeAll(async () => {
      // Replicas that start together both migrate; the advisory lock makes them take turns.
      [first, second] = await Promise.all([
        openPostgresStore(POSTGRES_URL, { schema, poolSize: 5 }),
        openPostgresStore(POSTGRES_URL, { schema, poolSize: 5 }),
      ]);
      await first.addBlockVersion(WS, {
        block: 'customers',
        columns: ['id', 'status', 'tier'],
        keyColumn: 'id',
        rows,
        origin: 'import',
      });
    });

    afterAll(async () => {
      await first?.close();
      await second?.close();
      await dropSchema(schema);
    });

    /** Rows in two live leases where one is exclusive, straight from the table. */
    const doubleAllocated = () =>
      withClient(async (client) => {
        const result = await client.query(
          `SELECT a.block, a.row_key, a.job_id, b.job_id AS other
             FROM "${schema}".leases a
             JOIN "${schema}".leases b
               ON a.workspace = b.workspace AND a.block = b.block AND a.row_key = b.row_key AND a.ctid < b.ctid
            WHERE (NOT a.shared OR NOT b.shared) AND a.expires_at > $1 AND b.expires_at > $1`,
          [T0],
        );
        return result.rows;
      });

    it('records each migration once', async () => {
      const applied = await withClient((client) =>
        client.query(`SELECT id FROM "${schema}".allot_migrations ORDER BY id`),
      );
      const shipped = (await readMigrations()).map((migration) => migration.id);
      expect(applied.rows.map((row: { id: number }) => row.id)).toEqual(shipped);
    });

    it('hands a contested row to exactly one of many simultaneous commits', async () => {
      const stores = [first, second];
      const ids = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (stores[i % 2] as Store).reserveJobId(WS)),
      );
      const outcomes = await Promise.allSettled(
        ids.map((id, i) => (stores[i % 2] as Store).commitJob(claimOne(id, 'r1'), T0)),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const outcome of lost) expect(outcome.reason).toBeInstanceOf(LeaseConflictError);
      expect(await doubleAllocated()).toEqual([]);
    });

    it('never gives a row to two live exclusive leases when jobs run on both replicas at once', async () => {
      const tests = Array.from({ length: 30 }, (_, j) =>
        [{ status: 'active' }, { tier: 'gold' }, {}].map((where, k) => ({
          suite: `suite-${j}`,
          test: `t${k}`,
          find: { where },
          count: k === 2 ? 2 : 1,
          consume: false,
          readOnly: j % 10 === 3,
        })),
      ).flat();
      const pool = { name: 'shop', key: 'id', blocks: [{ name: 'customers' }], secrets: [], tests };
      await first.putPool(WS, pool);
      const reports = await Promise.all(
        Array.from({ length: 30 }, (_, j) =>
          executeJob(j % 2 === 0 ? first : second, {
            workspace: WS,
            tests: [0, 1, 2].map((k) => ({ pool: 'shop', suite: `suite-${j}`, test: `t${k}` })),
            clock: () => T0,
          }),
        ),
      );
      expect(await doubleAllocated()).toEqual([]);
      expect(new Set(reports.map((r) => r.jobId)).size).toBe(reports.length);
      const exclusive = reports
        .filter((_, j) => j % 10 !== 3)
        .flatMap((r) => r.tests.flatMap((t) => t.values.map((v) => String(v['id']))));
      expect(new Set(exclusive).size).toBe(exclusive.length);
      expect(reports.reduce((sum, r) => sum + r.allocated, 0)).toBe(90);
    });
  });

  describe('ids per workspace on two replicas', () => {
    const schema = freshSchema();
    let first: Store;
    let second: Store;

    beforeAll(async () => {
      [first, second] = await Promise.all([
        openPostgresStore(POSTGRES_URL, { schema, poolSize: 5 }),
        openPostgresStore(POSTGRES_URL, { schema, poolSize: 5 }),
      ]);
    });

    afterAll(async () => {
      await first?.close();
      await second?.close();
      await dropSchema(schema);
    });

    it('hands each workspace 1 … n however the calls interleave across replicas', async () => {
      const n = 40;
      const calls = Array.from({ length: 2 * n }, (_, i) => ({
        store: i % 3 === 0 ? first : second,
        workspace: i % 2 === 0 ? 'even' : 'odd',
      }));
      const [jobs, events] = await Promise.all([
        Promise.all(calls.map((c) => c.store.reserveJobId(c.workspace))),
        Promise.all(
          calls.map((c, i) =>
            c.store.appendAudit({
              workspace: c.workspace,
              at: T0.toISOString(),
              actor: 'k',
              action: `a${i}`,
              target: 'job:1',
              details: {},
            }),
          ),
        ),
      ]);
      const idsOf = (ids: number[], workspace: string) =>
        ids.filter((_, i) => calls[i]?.workspace === workspace).sort((a, b) => a - b);
      const expected = Array.from({ length: n }, (_, i) => i + 1);
      for (const workspace of ['even', 'odd']) {
        expect(idsOf(jobs, workspace), workspace).toEqual(expected);
        expect(
          idsOf(
            events.map((e) => e.id),
            workspace,
          ),
          workspace,
        ).toEqual(expected);
      }
    });
  });

  describe('the unique index on exclusive leases, bypassing the claim', () => {
    const schema = freshSchema();
    let store: Store;

    beforeAll(async () => {
      store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    });

    afterAll(async () => {
      await store?.close();
      await dropSchema(schema);
    });

    const insertLease = (client: pg.Client, job: number, shared: boolean, key = 'c1') =>
      client.query(
        `INSERT INTO "${schema}".leases (workspace, block, row_key, job_id, test_index, shared, created_at, expires_at)
         VALUES ('w', 'customers', $1, $2, 0, $3, $4, $5)`,
        [key, job, shared, T0, new Date(T0.getTime() + 3_600_000)],
      );

    it('rejects a second exclusive lease of a row, from any connection', async () => {
      await withClient(async (client) => {
        await insertLease(client, 1, false);
        await expect(insertLease(client, 2, false)).rejects.toMatchObject({
          code: '23505',
          constraint: 'leases_one_exclusive',
        });
        await withClient((other) =>
          expect(insertLease(other, 3, false)).rejects.toMatchObject({
            constraint: 'leases_one_exclusive',
          }),
        );
      });
    });

    it('lets read-only tests share a row', async () => {
      await withClient(async (client) => {
        await insertLease(client, 4, true, 'c2');
        await insertLease(client, 5, true, 'c2');
        const held = await client.query(
          `SELECT count(*)::int AS n FROM "${schema}".leases WHERE row_key = 'c2'`,
        );
        expect(held.rows[0]).toEqual({ n: 2 });
      });
    });

    it('turns a violation during a commit into a LeaseConflictError', async () => {
      // A lease the claim statement cannot see coming: inserted after it checked, by a
      // trigger standing in for a bug or a race the claim missed.
      await withClient((client) =>
        client.query(`
          CREATE FUNCTION "${schema}".sneak() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.row_key = 'c3' AND NEW.job_id <> 99 THEN
              INSERT INTO "${schema}".leases (workspace, block, row_key, job_id, test_index, shared, created_at, expires_at)
              VALUES (NEW.workspace, NEW.block, NEW.row_key, 99, 0, false, NEW.created_at, NEW.expires_at);
            END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER sneak BEFORE INSERT ON "${schema}".leases FOR EACH ROW EXECUTE FUNCTION "${schema}".sneak();`),
      );
      const id = await store.reserveJobId(WS);
      await expect(store.commitJob(claimOne(id, 'c3'), T0)).rejects.toBeInstanceOf(
        LeaseConflictError,
      );
      expect(await store.getJob(WS, id)).toBeUndefined();
    });
  });
});
