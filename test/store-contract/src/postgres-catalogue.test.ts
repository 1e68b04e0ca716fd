import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CataloguePut, CatalogueRecord, Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import { testPostgresUrl, withClient } from '@allot/test-support/postgres';

const POSTGRES_URL = testPostgresUrl('postgres catalogue');
const T0 = new Date('2030-01-01T00:00:00Z');

const put = (actor: string): CataloguePut => ({
  kind: 'workset',
  workspace: 'replicas',
  project: null,
  name: 'nightly',
  body: { actor },
  actor,
});

/**
 * The catalogue of two replicas on one schema: what one process's mutex
 * gives the embedded store, the name's advisory lock and the unique
 * constraint must give replicas that share nothing but the database.
 */
describe('postgres catalogue on two replicas', () => {
  const schema = `allot_test_${randomBytes(6).toString('hex')}`;
  let replicas: Store[] = [];

  beforeAll(async () => {
    replicas = await Promise.all([
      openPostgresStore(POSTGRES_URL, { schema, poolSize: 6 }),
      openPostgresStore(POSTGRES_URL, { schema, poolSize: 6 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((store) => store.close()));
    await withClient(POSTGRES_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    );
  });

  const replica = (i: number) => replicas[i % 2] as Store;

  it('numbers puts of one name 1.0 … 1.39 however they interleave across replicas', async () => {
    const n = 40;
    const records = await Promise.all(
      Array.from({ length: n }, (_, i) => replica(i).putCatalogue(put(`u${i}`), T0)),
    );
    const minors = records.map((r) => Number(r.version.split('.')[1])).sort((a, b) => a - b);
    expect(minors).toEqual(Array.from({ length: n }, (_, i) => i));
    const stored = await withClient(POSTGRES_URL, (client) =>
      client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".catalogue`),
    );
    expect(stored.rows[0]?.n).toBe(n);
  });

  it('lets exactly one of many lockers on both replicas win, and names it to the others', async () => {
    const record = await replica(0).putCatalogue(put('owner'), T0);
    const holders = Array.from({ length: 12 }, (_, i) => `tester-${i}`);
    const outcomes = await Promise.allSettled(
      holders.map((holder, i) => replica(i).lockCatalogue('replicas', record.id, { holder }, T0)),
    );
    const won = outcomes.filter(
      (o): o is PromiseFulfilledResult<CatalogueRecord> => o.status === 'fulfilled',
    );
    expect(won).toHaveLength(1);
    const winner = won[0]?.value.lock?.holder;
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: 'CATALOGUE_LOCKED', holder: winner });
    }
    const locks = await withClient(POSTGRES_URL, (client) =>
      client.query<{ lock_holder: string }>(
        `SELECT lock_holder FROM "${schema}".catalogue WHERE id = $1`,
        [record.id],
      ),
    );
    expect(locks.rows).toEqual([{ lock_holder: winner }]);
  });

  it('refuses a second row for one version even from a writer that skips the name lock', async () => {
    const insert = (client: Parameters<Parameters<typeof withClient>[1]>[0]) =>
      client.query(
        `INSERT INTO "${schema}".catalogue (workspace, kind, project, name, version, version_parts, id, body,
           created_by, created_at, updated_by, updated_at)
         VALUES ('w', 'workset', NULL, 'x', '1.0', '{1,0}', $1, '{}', 'a', now(), 'a', now())`,
        [randomBytes(12).toString('hex')],
      );
    await withClient(POSTGRES_URL, async (client) => {
      await insert(client);
      await expect(insert(client)).rejects.toMatchObject({
        code: '23505',
        constraint: 'catalogue_one_version',
      });
    });
  });

  it('of puts requiring a view on one replica and its delete on the other, refuses one each time', async () => {
    const view = (name: string) => ({
      kind: 'data-view',
      workspace: 'replicas',
      project: 'p',
      name,
    });
    for (let round = 0; round < 12; round++) {
      const name = `view-${round}`;
      await replica(0).putCatalogue({ ...view(name), body: {}, actor: 'ann' }, T0);
      const puts = [0, 1, 2].map((i) =>
        replica(i).putCatalogue(
          {
            kind: 'workset',
            workspace: 'replicas',
            project: 'p',
            name: `set-${round}-${i}`,
            body: { view: name },
            actor: 'ann',
            requires: [{ ...view(name), version: '1.0' }],
          },
          T0,
        ),
      );
      const deleted = replica(round + 1).deleteCatalogue(
        {
          ...view(name),
          actor: 'ann',
          unlessUsedBy: {
            kind: 'workset',
            uses: (body) => (body as { view: string }).view === name,
          },
        },
        T0,
      );
      const [removed, ...stored] = await Promise.allSettled([deleted, ...puts]);
      const kept = stored.filter((outcome) => outcome.status === 'fulfilled').length;
      // Deleted: no workset was stored. Refused: the view stays for those that were.
      if (removed?.status === 'fulfilled') expect(kept).toBe(0);
      else expect(removed?.reason).toMatchObject({ code: 'IN_USE' });
      const left = await withClient(POSTGRES_URL, (client) =>
        client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${schema}".catalogue w
           WHERE w.kind = 'workset' AND w.body->>'view' = $1 AND NOT EXISTS (
             SELECT 1 FROM "${schema}".catalogue v WHERE v.kind = 'data-view' AND v.name = $1)`,
          [name],
        ),
      );
      expect(left.rows[0]?.n).toBe(0);
    }
  });
});
