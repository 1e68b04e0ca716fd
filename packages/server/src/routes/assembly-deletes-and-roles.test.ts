import { randomBytes } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { openPostgresStore } from '@allot/store-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testPostgresUrl } from '../testing/test-postgres-url.js';

const PASSWORD = 'correct horse battery';
const schemas: string[] = [];
const STORES: Array<[string, () => Promise<Store>]> = [
  ['memory', openMemoryStore],
  [
    'postgres',
    () => {
      const schema = `allot_assembly_del_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(testPostgresUrl('assembly deletes on PostgreSQL'), {
        schema,
        poolSize: 4,
      });
    },
  ],
];

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: testPostgresUrl('assembly deletes') });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

/**
 * Deleting data views and scenarios under /api/v1, and the one role rule
 * for changing worksets, which /api/v1 and the TDO facade both apply.
 */
describe.each(STORES)('assembly deletes and the workset role rule (%s)', (_name, open) => {
  let t: TestApp;
  let projectId: number;
  let base: string;

  async function call(key: string, method: string, url: string, body?: unknown) {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: t.auth(key),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body === '' ? null : response.json() };
  }

  const workset = (name: string, view = 'combo_view') => ({
    name,
    scenario: { name: 'enrol', version: '1.0' },
    primary: {
      view: { name: view, version: '1.0' },
      dataSet: { name: 'customers', version: '1.0' },
    },
  });

  beforeEach(async () => {
    t = await createTestApp({ closeStore: true, loginThrottle: false }, await open());
    await t.seed();
    const project = await call(t.adminKey, 'POST', '/api/v1/projects', {
      name: 'lab',
      version: '1.0',
    });
    projectId = project.body.id;
    base = `/api/v1/projects/${projectId}`;
    for (const [path, body] of [
      ['data-views/combo_view', { columns: ['tier'] }],
      ['data-views/other_view', { columns: ['tier'] }],
      ['scenarios/enrol', { steps: [{ name: 'one' }] }],
    ] as const)
      expect((await call(t.adminKey, 'PUT', `${base}/${path}`, body)).status).toBe(201);
  });
  afterEach(() => t.close());

  test('an admin deletes every version of a data view or scenario no workset uses', async () => {
    expect((await call(t.adminKey, 'PUT', `${base}/data-views/other_view`, {})).body.version).toBe(
      '1.1',
    );
    expect((await call(t.adminKey, 'DELETE', `${base}/data-views/other_view`)).status).toBe(204);
    expect((await call(t.adminKey, 'GET', `${base}/data-views/other_view`)).status).toBe(404);
    expect(
      (await call(t.adminKey, 'GET', `${base}/data-views/other_view?version=1.0`)).status,
    ).toBe(404);
    expect((await call(t.adminKey, 'DELETE', `${base}/scenarios/enrol`)).status).toBe(204);
    expect((await call(t.adminKey, 'GET', `${base}/scenarios`)).body).toEqual([]);
    // Twice: nothing left of that name.
    expect((await call(t.adminKey, 'DELETE', `${base}/scenarios/enrol`)).status).toBe(404);
  });

  test('409 while any workset version uses it, 403 below admin, 404 outside the project and workspace; nothing deleted', async () => {
    const created = await call(t.adminKey, 'POST', `${base}/worksets`, workset('night_workset'));
    expect(created.status).toBe(201);
    // Version 1.1 moves to other_view; version 1.0 still names combo_view.
    const updated = await call(t.adminKey, 'PATCH', `${base}/worksets/${created.body.id}`, {
      primary: {
        view: { name: 'other_view', version: '1.0' },
        dataSet: { name: 'customers', version: '1.0' },
      },
    });
    expect(updated.body.version).toBe('1.1');

    const view = await call(t.adminKey, 'DELETE', `${base}/data-views/combo_view`);
    expect(view.status).toBe(409);
    expect(view.body.code).toBe('IN_USE');
    expect(view.body.message).toContain('"night_workset" 1.0');
    const scenario = await call(t.adminKey, 'DELETE', `${base}/scenarios/enrol`);
    expect(scenario.status).toBe(409);
    expect(scenario.body.message).toContain('night_workset');

    for (const role of ['viewer', 'tester', 'manager'] as const) {
      const key = await t.keyWithRole(role);
      expect((await call(key, 'DELETE', `${base}/data-views/combo_view`)).status).toBe(403);
    }
    expect((await call(t.adminKey, 'DELETE', `${base}/data-views/no_view`)).status).toBe(404);
    const other = await call(t.adminKey, 'POST', '/api/v1/projects', {
      name: 'other',
      version: '1.0',
    });
    expect(
      (await call(t.adminKey, 'DELETE', `/api/v1/projects/${other.body.id}/scenarios/enrol`))
        .status,
    ).toBe(404);
    const { adminKey } = await createWorkspaceWithAdminKey(t.store, { id: 'elsewhere' });
    expect((await call(adminKey, 'DELETE', `${base}/scenarios/enrol`)).status).toBe(404);
    const bad = await call(t.adminKey, 'DELETE', `/api/v1/projects/0/scenarios/enrol`);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('params.id');

    // Every refusal left both records as they were.
    expect((await call(t.adminKey, 'GET', `${base}/data-views/combo_view`)).status).toBe(200);
    expect((await call(t.adminKey, 'GET', `${base}/scenarios/enrol`)).status).toBe(200);

    // Once the workset goes, so may they.
    expect((await call(t.adminKey, 'DELETE', `${base}/worksets/${created.body.id}`)).status).toBe(
      204,
    );
    expect((await call(t.adminKey, 'DELETE', `${base}/data-views/combo_view`)).status).toBe(204);
    expect((await call(t.adminKey, 'DELETE', `${base}/scenarios/enrol`)).status).toBe(204);
  });

  test('the deletes are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const part of ['data-views', 'scenarios']) {
      const del = doc.paths[`/api/v1/projects/{id}/${part}/{name}`]?.delete;
      expect(del, part).toBeDefined();
      expect(Object.keys(del.responses)).toContain('204');
      expect(del.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['id', 'name']);
    }
  });

  test('a tester creates, updates and clones worksets on /api/v1 and through TDO alike; a viewer on neither; deletes stay admin', async () => {
    // /api/v1, with keys of each role.
    const tester = await t.keyWithRole('tester');
    const viewer = await t.keyWithRole('viewer');
    const created = await call(tester, 'POST', `${base}/worksets`, workset('api_workset'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const updated = await call(tester, 'PATCH', `${base}/worksets/${id}`, {
      primary: {
        view: { name: 'other_view', version: '1.0' },
        dataSet: { name: 'customers', version: '1.0' },
      },
    });
    expect(updated.status).toBe(200);
    expect(
      (await call(tester, 'POST', `${base}/worksets/${id}/clone?name=api_copy_workset`)).status,
    ).toBe(201);
    expect((await call(viewer, 'POST', `${base}/worksets`, workset('no_workset'))).status).toBe(
      403,
    );
    expect((await call(viewer, 'PATCH', `${base}/worksets/${id}`, { dataViews: [] })).status).toBe(
      403,
    );
    expect((await call(tester, 'DELETE', `${base}/worksets/${id}`)).status).toBe(403);

    // TDO, with users of each role and their passwords in the context.
    for (const [user, role] of [
      ['tdo_tester', 'tester'],
      ['tdo_viewer', 'viewer'],
    ] as const) {
      const made = await call(t.adminKey, 'POST', '/api/v1/users', {
        id: user,
        name: user,
        email: `${user}@example.test`,
        role,
      });
      expect(made.status).toBe(201);
      const invited = await call(t.adminKey, 'POST', `/api/v1/users/${user}/invitation`, {});
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${invited.body.token}`,
        payload: { password: PASSWORD },
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
    const tdo = async (
      user: string,
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      entity?: unknown,
    ) => {
      const response = await t.app.inject({
        method,
        url: `/core${url}`,
        payload: {
          context: {
            user,
            password: PASSWORD,
            project: { name: 'lab', version: '1.0' },
            params: { workspace: t.workspace },
          },
          ...(entity === undefined ? {} : { entity }),
        },
      });
      return { status: response.statusCode, body: response.json() };
    };
    const viaTdo = await tdo('tdo_tester', 'POST', '/1.0/API/workSet', workset('tdo_workset'));
    expect(viaTdo.status, JSON.stringify(viaTdo.body)).toBe(200);
    const tdoId = viaTdo.body.entity.id as string;
    expect(
      (
        await tdo('tdo_tester', 'PATCH', '/1.0/API/workSet', {
          id: tdoId,
          primary: {
            view: { name: 'other_view', version: '1.0' },
            dataSet: { name: 'customers', version: '1.0' },
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (await tdo('tdo_tester', 'POST', `/1.0/API/workSet/clone/${tdoId}?name=tdo_copy_workset`))
        .status,
    ).toBe(200);
    const refused = await tdo('tdo_viewer', 'POST', '/1.0/API/workSet', workset('viewer_workset'));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('tester role');
    expect((await tdo('tdo_tester', 'DELETE', `/1.0/API/workSet/${tdoId}`)).status).toBe(403);

    // Both surfaces wrote what the tester asked, and nothing of the viewer's.
    const names = (await call(t.adminKey, 'GET', `${base}/worksets`)).body.map(
      (w: { name: string }) => w.name,
    );
    expect(names.sort()).toEqual([
      'api_copy_workset',
      'api_workset',
      'tdo_copy_workset',
      'tdo_workset',
    ]);
  });
});

/** Deleting a coverage set version a workset uses as its primary data set: /api/v1 and TDO alike. */
describe.each(STORES)('deleting a coverage set a workset uses (%s)', (_name, open) => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({ closeStore: true, loginThrottle: false }, await open());
    await t.seed();
  });
  afterEach(() => t.close());

  async function call(method: string, url: string, body?: unknown) {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: t.auth(t.adminKey),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body === '' ? null : response.json() };
  }

  test('409 IN_USE naming the workset version on both, nothing deleted; deletable once the workset goes', async () => {
    const project = await call('POST', '/api/v1/projects', { name: 'lab', version: '1.0' });
    const base = `/api/v1/projects/${project.body.id}`;
    expect(
      (
        await call('POST', `${base}/attributes`, {
          name: 'tier',
          type: 'VALUE',
          values: ['gold', 'silver'],
        })
      ).status,
    ).toBe(201);
    const set = await call('POST', `${base}/coverage-sets`, {
      name: 'tier_coverage',
      determiningAttributes: [{ name: 'tier', version: '1.0' }],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    for (const [path, body] of [
      ['data-views/tier_view', { columns: ['tier'] }],
      ['scenarios/enrol', { steps: [{ name: 'one' }] }],
    ] as const)
      expect((await call('PUT', `${base}/${path}`, body)).status).toBe(201);
    const workset = await call('POST', `${base}/worksets`, {
      name: 'tier_workset',
      scenario: { name: 'enrol', version: '1.0' },
      primary: {
        view: { name: 'tier_view', version: '1.0' },
        dataSet: { name: 'tier_coverage', version: '1.0.0' },
      },
    });
    expect(workset.status, JSON.stringify(workset.body)).toBe(201);

    const viaApi = await call('DELETE', `${base}/coverage-sets/${set.body.id}`);
    expect(viaApi.status).toBe(409);
    expect(viaApi.body).toMatchObject({
      code: 'IN_USE',
      message:
        'coverage set "tier_coverage" 1.0 is used by workset "tier_workset" 1.0: delete or update the workset first',
    });

    const made = await call('POST', '/api/v1/users', {
      id: 'tdo_admin',
      name: 'tdo_admin',
      email: 'tdo_admin@example.test',
      role: 'admin',
    });
    expect(made.status).toBe(201);
    const invited = await call('POST', '/api/v1/users/tdo_admin/invitation', {});
    expect(
      (await call('POST', `/api/v1/invitations/${invited.body.token}`, { password: PASSWORD }))
        .status,
    ).toBe(200);
    const viaTdo = await t.app.inject({
      method: 'DELETE',
      url: `/core/1.0/API/coverageSet/${set.body.id}`,
      payload: {
        context: {
          user: 'tdo_admin',
          password: PASSWORD,
          project: { name: 'lab', version: '1.0' },
          params: { workspace: t.workspace },
        },
      },
    });
    expect(viaTdo.statusCode).toBe(409);
    expect(viaTdo.json()).toMatchObject({ code: 'IN_USE', message: viaApi.body.message });

    // Both refusals left the set as it was.
    expect((await call('GET', `${base}/coverage-sets/${set.body.id}`)).status).toBe(200);
    expect((await call('DELETE', `${base}/worksets/${workset.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `${base}/coverage-sets/${set.body.id}`)).status).toBe(204);
    expect((await call('GET', `${base}/coverage-sets/${set.body.id}`)).status).toBe(404);
  });
});
