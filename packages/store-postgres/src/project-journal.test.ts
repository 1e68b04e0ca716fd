import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectJournal, Store } from '@allot/core';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('project writes with their events');
const AT = '2030-01-01T00:00:00.000Z';

const journal: ProjectJournal = {
  event: (project) => ({
    workspace: project.workspace,
    kind: 'project.created',
    actor: 'user:ann',
    ip: null,
    project: project.id,
    subject: `project:${project.id}`,
    at: AT,
    details: {},
  }),
};

describe('a project and its event are one transaction', () => {
  const schema = `allot_journal_${randomBytes(5).toString('hex')}`;
  let store: Store;
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schema}"`);
      return await client.query(text);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('keeps no project when the database refuses its event', async () => {
    // The events table refuses every insert, as a full disk or a broken constraint would.
    await sql(`CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'events are refused'; END $$`);
    await sql(`CREATE TRIGGER refuse_event BEFORE INSERT ON events
      FOR EACH ROW EXECUTE FUNCTION refuse_event()`);
    const project = {
      workspace: 'acme',
      name: 'checkout',
      version: '1.0',
      description: '',
      tags: [],
      members: [],
      createdBy: 'user:ann',
      createdAt: AT,
      updatedAt: AT,
    };
    await expect(store.createProject(project, journal)).rejects.toMatchObject({
      code: 'STORE_FAILURE',
    });
    expect(await store.findProject('acme', 'checkout', '1.0')).toBeUndefined();
    expect((await sql('SELECT count(*)::int AS n FROM projects')).rows[0]).toEqual({ n: 0 });

    await sql('DROP TRIGGER refuse_event ON events');
    const created = await store.createProject(project, journal);
    expect(created.id).toBe(1);
    const events = await store.listEvents({ workspace: 'acme', page: { limit: 10, offset: 0 } });
    expect(events.map((e) => [e.kind, e.project])).toEqual([['project.created', 1]]);
  });
});
