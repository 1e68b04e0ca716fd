import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the event log migration');
const AT = '2030-01-01T00:00:00.000Z';

describe('migration 0009: the audit log becomes a view of the event log', () => {
  const schema = `allot_events_${randomBytes(5).toString('hex')}`;

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('keeps every audit entry under its id, as an event and in the audit view, and counts on', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      expect(await migrate(client, schema, { upTo: 8 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      // As the store before 0009 appended to the audit log.
      for (const [workspace, action] of [
        ['a', 'block.upload'],
        ['b', 'pool.create'],
        ['a', 'job.execute'],
      ] as const) {
        await client.query(
          `INSERT INTO audit_events (workspace, id, at, actor, action, target, details)
           VALUES ($1, next_workspace_id($1, 'audit'), $2, 'key:k1', $3, 'x', '{"n":1}')`,
          [workspace, AT, action],
        );
      }
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
    try {
      const page = { limit: 10, offset: 0 };
      expect(await store.listAudit('a', page)).toEqual([
        {
          id: 2,
          workspace: 'a',
          at: AT,
          actor: 'key:k1',
          action: 'job.execute',
          target: 'x',
          details: { n: 1 },
        },
        {
          id: 1,
          workspace: 'a',
          at: AT,
          actor: 'key:k1',
          action: 'block.upload',
          target: 'x',
          details: { n: 1 },
        },
      ]);
      expect(await store.listEvents({ workspace: 'a', page })).toMatchObject([
        { id: 2, kind: 'job.execute', subject: 'x', ip: null, project: null },
        { id: 1, kind: 'block.upload', subject: 'x', ip: null, project: null },
      ]);
      const next = await store.appendEvent({
        workspace: 'a',
        kind: 'project.created',
        actor: 'key:k1',
        ip: '127.0.0.1',
        project: 1,
        subject: 'project:1',
        at: AT,
        details: {},
      });
      expect(next.id).toBe(3);
      const audited = await store.appendAudit({
        workspace: 'b',
        at: AT,
        actor: 'key:k2',
        action: 'pool.delete',
        target: 'pool:shop',
        details: {},
      });
      expect(audited.id).toBe(2);
      expect((await store.listEvents({ workspace: 'b', page }))[0]).toMatchObject({
        id: 2,
        kind: 'pool.delete',
        subject: 'pool:shop',
      });
    } finally {
      await store.close();
    }
  });
});
