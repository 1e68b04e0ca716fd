import { randomBytes } from 'node:crypto';
import { openMemoryStore, type EventRecord, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contextOf } from '../app-context.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Ev = Omit<EventRecord, 'workspace'>;
type Audit = { id: number; action: string; target: string };
type Note = { id: number; read: boolean; event: Ev };

const schemas: string[] = [];

/** Each store the server runs on: the embedded one, and PostgreSQL on a schema of its own. */
const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_projects_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(testPostgresUrl('projects on PostgreSQL'), { schema, poolSize: 4 });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: testPostgresUrl('projects on PostgreSQL') });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

describe.each(STORES)('projects, events and notifications over HTTP (%s)', (_name, open) => {
  let t: TestApp;
  let url: string;
  let heard: EventRecord[];
  beforeEach(async () => {
    const store = await open();
    t = await createTestApp({ closeStore: true }, store);
    heard = [];
    contextOf(t.app).events.onEvent((event) => {
      heard.push(event);
    });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => t.close());

  async function call(key: string, method: Method, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  }

  /** A user of the workspace and a key of theirs with a role. */
  async function userWithKey(id: string, role: string): Promise<string> {
    const user = await call(t.adminKey, 'POST', '/api/v1/users', {
      id,
      name: id,
      email: `${id}@example.com`,
      role,
    });
    expect(user.status).toBe(201);
    const key = await call(t.adminKey, 'POST', '/api/v1/keys', { name: id, role, userId: id });
    expect(key.status).toBe(201);
    return key.body.key as string;
  }

  test('creates, reads by id and by name + version, lists, changes and deletes projects', async () => {
    const manager = await t.keyWithRole('manager');
    const created = await call(manager, 'POST', '/api/v1/projects', {
      name: 'Checkout',
      description: 'the shop',
      tags: ['web', 'web', 'eu'],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 1, name: 'Checkout', version: '1.0', tags: ['web', 'eu'], members: [] },
    });
    const v2 = await call(manager, 'POST', '/api/v1/projects', {
      name: 'Checkout',
      version: '2.0',
    });
    expect(v2.body.id).toBe(2);
    expect(
      await call(manager, 'POST', '/api/v1/projects', { name: 'Checkout', version: '2.0' }),
    ).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS', field: 'name' } });

    const viewer = await t.keyWithRole('viewer');
    expect((await call(viewer, 'GET', '/api/v1/projects/1')).body).toEqual(created.body);
    expect((await call(viewer, 'GET', '/api/v1/projects/by-name/Checkout/2.0')).body.id).toBe(2);
    expect((await call(viewer, 'GET', '/api/v1/projects/by-name/Checkout/3.0')).status).toBe(404);
    const page = await call(viewer, 'GET', '/api/v1/projects?limit=1');
    expect(page.body.items.map((p: { id: number }) => p.id)).toEqual([1]);
    expect(page.body.links.next).toBe('/api/v1/projects?limit=1&offset=1');

    const changed = await call(manager, 'PATCH', '/api/v1/projects/1', {
      description: 'the new shop',
      version: '1.1',
    });
    expect(changed.body).toMatchObject({ id: 1, version: '1.1', description: 'the new shop' });
    expect(await call(manager, 'PATCH', '/api/v1/projects/1', { version: '2.0' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_EXISTS' },
    });

    expect(await call(manager, 'DELETE', '/api/v1/projects/1')).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await call(t.adminKey, 'DELETE', '/api/v1/projects/1')).status).toBe(204);
    expect((await call(viewer, 'GET', '/api/v1/projects/1')).status).toBe(404);
    expect((await call(t.adminKey, 'DELETE', '/api/v1/projects/1')).status).toBe(404);
    // Ids are never handed out again.
    expect((await call(manager, 'POST', '/api/v1/projects', { name: 'Billing' })).body.id).toBe(3);

    expect(heard.map((e) => e.kind).filter((k) => k.startsWith('project.'))).toEqual([
      'project.created',
      'project.created',
      'project.updated',
      'project.deleted',
      'project.created',
    ]);
    expect(heard.find((e) => e.kind === 'project.created')).toMatchObject({
      kind: 'project.created',
      project: 1,
      subject: 'project:1',
      ip: '127.0.0.1',
      details: { name: 'Checkout', version: '1.0' },
    });
  });

  test('roles, validation and workspaces: 403, 400 naming the field, 404 outside the workspace', async () => {
    const tester = await t.keyWithRole('tester');
    expect(await call(tester, 'POST', '/api/v1/projects', { name: 'x' })).toMatchObject({
      status: 403,
    });
    const bad = [
      [{}, 'body.name'],
      [{ name: '' }, 'body.name'],
      [{ name: 'x', version: 'a b' }, 'body.version'],
      [{ name: 'x', tags: [{}] }, 'body.tags[0]'],
    ] as const;
    for (const [body, field] of bad) {
      const response = await call(t.adminKey, 'POST', '/api/v1/projects', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.field, JSON.stringify(body)).toBe(field);
    }
    await call(t.adminKey, 'POST', '/api/v1/projects', { name: 'Checkout' });
    expect((await call(t.adminKey, 'PATCH', '/api/v1/projects/1', {})).status).toBe(400);
    expect(
      (
        await call(t.adminKey, 'POST', '/api/v1/projects/1/members', {
          user: 'nobody',
          role: 'boss',
        })
      ).body.field,
    ).toBe('body.role');
    expect((await call(t.adminKey, 'GET', '/api/v1/projects/abc')).body.field).toBe('params.id');
    expect((await call(t.adminKey, 'GET', '/api/v1/projects/99')).status).toBe(404);

    const other = await createTestApp({}, contextOf(t.app).store);
    try {
      const foreign = await other.app.inject({
        url: '/api/v1/projects/1',
        headers: other.auth(other.adminKey),
      });
      expect(foreign.statusCode).toBe(404);
    } finally {
      await other.app.close();
    }
  });

  test('members: added and removed with notifications to the user; a failed change writes nothing', async () => {
    const manager = await t.keyWithRole('manager');
    const alice = await userWithKey('alice', 'tester');
    await call(manager, 'POST', '/api/v1/projects', { name: 'Checkout' });
    expect(
      await call(manager, 'POST', '/api/v1/projects/1/members', { user: 'bob', role: 'edit' }),
    ).toMatchObject({ status: 404, body: { field: 'body.user' } });
    expect(
      await call(alice, 'POST', '/api/v1/projects/1/members', { user: 'alice', role: 'edit' }),
    ).toMatchObject({ status: 403 });
    const added = await call(manager, 'POST', '/api/v1/projects/1/members', {
      user: 'alice',
      role: 'edit',
    });
    expect(added.body.members).toMatchObject([{ user: 'alice', role: 'edit' }]);
    const promoted = await call(manager, 'POST', '/api/v1/projects/1/members', {
      user: 'alice',
      role: 'manage',
    });
    expect(promoted.body.members).toMatchObject([{ user: 'alice', role: 'manage' }]);

    expect((await call(alice, 'GET', '/api/v1/notifications/unread-count')).body).toEqual({
      unread: 2,
    });
    const mine = await call(alice, 'GET', '/api/v1/notifications');
    expect(
      mine.body.items.map((n: Note) => [n.event.kind, n.event.details['role'], n.read]),
    ).toEqual([
      ['project.member.added', 'manage', false],
      ['project.member.added', 'edit', false],
    ]);
    // Nobody else sees them.
    expect((await call(manager, 'GET', '/api/v1/notifications')).body.items).toEqual([]);
    const [newest, oldest] = mine.body.items as Array<{ id: number }>;
    expect((await call(manager, 'GET', `/api/v1/notifications/${oldest?.id}`)).status).toBe(404);
    expect((await call(manager, 'DELETE', `/api/v1/notifications/${oldest?.id}`)).status).toBe(404);

    const read = await call(alice, 'POST', `/api/v1/notifications/${oldest?.id}/read`);
    expect(read.body).toMatchObject({ id: oldest?.id, read: true });
    expect((await call(alice, 'GET', '/api/v1/notifications?unread=true')).body.items).toHaveLength(
      1,
    );
    expect(
      await call(alice, 'POST', '/api/v1/notifications/read', { ids: [newest?.id, 9999] }),
    ).toMatchObject({ status: 404 });
    expect((await call(alice, 'GET', '/api/v1/notifications/unread-count')).body.unread).toBe(1);
    expect(
      (await call(alice, 'POST', '/api/v1/notifications/read', { ids: ['x'] })).body.field,
    ).toBe('body.ids[0]');
    expect((await call(alice, 'POST', '/api/v1/notifications/read', {})).body).toEqual({
      marked: 1,
    });
    expect((await call(alice, 'DELETE', `/api/v1/notifications/${oldest?.id}`)).status).toBe(204);
    expect((await call(alice, 'DELETE', `/api/v1/notifications/${oldest?.id}`)).status).toBe(404);

    expect(await call(manager, 'DELETE', '/api/v1/projects/1/members/bob')).toMatchObject({
      status: 404,
      body: { field: 'body.user' },
    });
    const before = (await call(manager, 'GET', '/api/v1/projects/1')).body;
    expect(before.members).toHaveLength(1);
    const removed = await call(manager, 'DELETE', '/api/v1/projects/1/members/alice');
    expect(removed.body.members).toEqual([]);
    const latest = await call(alice, 'GET', '/api/v1/notifications?limit=1');
    expect(latest.body.items[0].event).toMatchObject({
      kind: 'project.member.removed',
      project: 1,
      details: { user: 'alice' },
    });
  });

  test('the event log: every change, filtered by dates, actor, kind and project; the audit log is its view', async () => {
    const manager = await t.keyWithRole('manager');
    await call(manager, 'POST', '/api/v1/projects', { name: 'A' });
    await call(manager, 'POST', '/api/v1/projects', { name: 'B' });
    await call(manager, 'PATCH', '/api/v1/projects/2', { description: 'b' });
    await t.seed();

    const all = (await call(t.adminKey, 'GET', '/api/v1/events')).body.items as Ev[];
    expect(all.map((e) => e.kind)).toEqual([
      'pool.create',
      'block.upload',
      'project.updated',
      'project.created',
      'project.created',
      'key.create',
    ]);
    const audit = (await call(t.adminKey, 'GET', '/api/v1/audit')).body.items as Audit[];
    expect(audit.map((a) => [a.id, a.action, a.target])).toEqual(
      all.map((e) => [e.id, e.kind, e.subject]),
    );

    const byProject = await call(t.adminKey, 'GET', '/api/v1/events?project=2');
    expect(byProject.body.items.map((e: Ev) => e.kind)).toEqual([
      'project.updated',
      'project.created',
    ]);
    const byKind = await call(t.adminKey, 'GET', '/api/v1/events?kind=project.created&limit=1');
    expect(byKind.body.items.map((e: Ev) => e.project)).toEqual([2]);
    expect(byKind.body.links.next).not.toBeNull();
    const actor = all.find((e) => e.kind === 'project.created')?.actor ?? '';
    const byActor = await call(
      t.adminKey,
      'GET',
      `/api/v1/events?actor=${encodeURIComponent(actor)}`,
    );
    expect(byActor.body.items).toHaveLength(3);

    const first = all.at(-1) as { at: string };
    const fromFirst = await call(t.adminKey, 'GET', `/api/v1/events?from=${first.at}&limit=100`);
    expect(fromFirst.body.items).toHaveLength(all.length);
    const beforeFirst = await call(t.adminKey, 'GET', `/api/v1/events?to=${first.at}`);
    expect(beforeFirst.body.items).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await call(t.adminKey, 'GET', `/api/v1/events?from=2020-01-01&to=${tomorrow}`)).body.items,
    ).toHaveLength(all.length);

    expect((await call(t.adminKey, 'GET', '/api/v1/events?from=yesterday')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'querystring.from',
    });
    expect(
      (await call(t.adminKey, 'GET', '/api/v1/events?from=2026-02-01&to=2026-01-01')).body,
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call(manager, 'GET', '/api/v1/events')).status).toBe(403);
  });

  test('the OpenAPI document lists every route of projects, events and notifications', async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/projects',
        'GET /api/v1/projects',
        'GET /api/v1/projects/{id}',
        'PATCH /api/v1/projects/{id}',
        'DELETE /api/v1/projects/{id}',
        'GET /api/v1/projects/by-name/{name}/{version}',
        'POST /api/v1/projects/{id}/members',
        'DELETE /api/v1/projects/{id}/members/{user}',
        'GET /api/v1/events',
        'GET /api/v1/notifications',
        'GET /api/v1/notifications/unread-count',
        'POST /api/v1/notifications/read',
        'GET /api/v1/notifications/{id}',
        'POST /api/v1/notifications/{id}/read',
        'DELETE /api/v1/notifications/{id}',
      ]),
    );
  });

  test('a finished job is an event and a notification to the user who ran it', async () => {
    await t.seed();
    const alice = await userWithKey('alice', 'tester');
    const job = await call(alice, 'POST', '/api/v1/jobs', {
      tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }],
    });
    expect(job.body.state).toBe('complete');
    const mine = await call(alice, 'GET', '/api/v1/notifications');
    expect(mine.body.items[0].event).toMatchObject({
      kind: 'job.completed',
      subject: `job:${job.body.id}`,
      actor: 'allot',
      ip: null,
    });
    expect(heard.some((e) => e.kind === 'job.completed')).toBe(true);
    // An event, but nobody's action: the audit log leaves it out.
    const audit = (await call(t.adminKey, 'GET', '/api/v1/audit')).body.items as Audit[];
    expect(audit.map((a) => a.action)).not.toContain('job.completed');
    const events = await call(t.adminKey, 'GET', '/api/v1/events?kind=job.completed');
    expect(events.body.items).toHaveLength(1);
  });
});
