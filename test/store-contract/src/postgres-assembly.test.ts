import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  runAssembly,
  type CatalogueRecord,
  type Store,
} from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import { testPostgresUrl, withClient } from '@allot/test-support/postgres';

const POSTGRES_URL = testPostgresUrl('postgres assembly');
const T0 = new Date('2030-01-01T00:00:00Z');
const WORKSPACE = 'assembly';

/**
 * Data assembly on PostgreSQL: two replicas assemble two worksets over the
 * same members at once, and the engine's leases keep every member in one
 * assembly only.
 */
describe('data assembly on two PostgreSQL replicas', () => {
  const schema = `allot_test_${randomBytes(6).toString('hex')}`;
  let replicas: Store[] = [];
  const worksets: CatalogueRecord[] = [];

  beforeAll(async () => {
    replicas = await Promise.all([
      openPostgresStore(POSTGRES_URL, { schema, poolSize: 6 }),
      openPostgresStore(POSTGRES_URL, { schema, poolSize: 6 }),
    ]);
    const store = replicas[0]!;
    await store.createWorkspace({ id: WORKSPACE, name: WORKSPACE, createdAt: T0.toISOString() });
    await store.addBlockVersion(WORKSPACE, {
      block: 'combos',
      columns: ['plan_type', 'tier'],
      keyColumn: null,
      rows: Array.from({ length: 30 }, (_, i) => ['Retail', `tier ${i}`]),
      origin: 'import',
    });
    await store.addBlockVersion(WORKSPACE, {
      block: 'members',
      columns: ['member_id', 'plan_type'],
      keyColumn: 'member_id',
      rows: Array.from({ length: 200 }, (_, i) => [
        `M${i + 1}`,
        i % 2 === 0 ? 'Retail' : 'Corporate',
      ]),
      origin: 'import',
    });
    const put = (kind: string, name: string, body: unknown) =>
      store.putCatalogue(
        { kind, workspace: WORKSPACE, project: '1', name, body, actor: 'qa', keepId: true },
        T0,
      );
    await put(DATA_VIEW_KIND, 'combo_view', {});
    await put(DATA_VIEW_KIND, 'member_view', {
      columns: ['member_id'],
      match: { plan_type: 'plan_type' },
    });
    await put(SCENARIO_KIND, 'family', { steps: [{ name: 'subscriber' }, { name: 'spouse' }] });
    for (const name of ['north_workset', 'south_workset'])
      worksets.push(
        await put(WORKSET_KIND, name, {
          scenario: { name: 'family', version: '1.0' },
          primary: {
            view: { name: 'combo_view', version: '1.0' },
            dataSet: { name: 'combos', version: '1.0' },
          },
          dataViews: [
            {
              view: { name: 'member_view', version: '1.0' },
              dataSet: { name: 'members', version: '1.0' },
            },
          ],
        }),
      );
  });

  afterAll(async () => {
    await Promise.all(replicas.map((store) => store.close()));
    await withClient(POSTGRES_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    );
  });

  it('gives each of 120 records its own Retail member across both assemblies', async () => {
    const outcomes = await Promise.all(
      worksets.map((workset, i) =>
        runAssembly(replicas[i]!, {
          workspace: WORKSPACE,
          project: '1',
          workset,
          assemblyId: `pg${i}`,
          clock: () => new Date(),
        }),
      ),
    );
    // 100 Retail members for 2 × 30 × 2 = 120 records: 20 records go without, as row errors.
    const ids: unknown[] = [];
    for (const outcome of outcomes) {
      expect(outcome.rowsGenerated).toBe(60);
      const block = await replicas[0]!.getBlock(WORKSPACE, outcome.block, outcome.version);
      ids.push(
        ...block!.rows
          .map((row) => row[block!.columns.indexOf('member_id')])
          .filter((id) => id !== null),
      );
    }
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(outcomes.reduce((sum, o) => sum + o.rowsWithErrors, 0)).toBe(20);
    expect(ids.every((id) => Number(String(id).slice(1)) % 2 === 1)).toBe(true);
  });
});
