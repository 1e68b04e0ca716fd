import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the Default datasets migration');
const PAGE = { limit: 10, offset: 0 };

describe('migration 0014: every project has its Default dataset', () => {
  const schema = `allot_defaults_${randomBytes(5).toString('hex')}`;

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('gives projects without one their Default, numbered on, and keeps those that have one', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      expect(await migrate(client, schema, { upTo: 12 })).toHaveLength(12);
      await client.query(`SET search_path TO "${schema}"`);
      // As the store before 0014 wrote them: projects alone, a Default only once a dataset use case ran.
      for (const [workspace, name] of [
        ['a', 'p1'],
        ['a', 'p2'],
        ['b', 'p1'],
        ['a', 'p3'],
      ])
        await client.query(
          `INSERT INTO projects (workspace, id, name, version, description, tags, members,
             created_by, created_at, updated_at)
           VALUES ('${workspace}', next_workspace_id('${workspace}', 'project'), '${name}', '1.0',
             '', '[]', '[]', 'ann', now(), now())`,
        );
      await client.query(`INSERT INTO datasets (workspace, id, project, name, is_default)
        VALUES ('a', next_workspace_id('a', 'dataset'), 2, 'Default', true),
               ('a', next_workspace_id('a', 'dataset'), 2, 'x', false)`);
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    try {
      const names = async (workspace: string, project: number) =>
        (await store.listDatasets(workspace, project, PAGE)).map((d) => [
          d.id,
          d.name,
          d.isDefault,
        ]);
      expect(await names('a', 1)).toEqual([[3, 'Default', true]]);
      expect(await names('a', 2)).toEqual([
        [1, 'Default', true],
        [2, 'x', false],
      ]);
      expect(await names('a', 3)).toEqual([[4, 'Default', true]]);
      expect(await names('b', 1)).toEqual([[1, 'Default', true]]);
      const added = await store.addDataset({ workspace: 'a', project: 1, name: 'y', values: {} });
      expect(added.id).toBe(5);
    } finally {
      await store.close();
    }
  });
});
