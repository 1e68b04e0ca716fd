import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createWorkspaceWithAdminKey } from '../bootstrap-workspace.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Data views, scenarios, worksets and assembly under /api/v1: roles, fields, workspaces. */
describe('worksets and data assembly over /api/v1', () => {
  let t: TestApp;
  let projectId: number;

  async function call(key: string, method: string, url: string, body?: unknown) {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: t.auth(key),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body === '' ? null : response.json() };
  }

  const workset = {
    name: 'nightly_workset',
    scenario: { name: 'enrol', version: '1.0' },
    primary: {
      view: { name: 'combo_view', version: '1.0' },
      dataSet: { name: 'customers', version: '1.0' },
    },
  };

  beforeEach(async () => {
    t = await createTestApp({ closeStore: true });
    await t.seed();
    const project = await call(t.adminKey, 'POST', '/api/v1/projects', {
      name: 'lab',
      version: '1.0',
    });
    projectId = project.body.id;
    const base = `/api/v1/projects/${projectId}`;
    expect(
      (await call(t.adminKey, 'PUT', `${base}/data-views/combo_view`, { columns: ['tier'] }))
        .status,
    ).toBe(201);
    expect(
      (await call(t.adminKey, 'PUT', `${base}/scenarios/enrol`, { steps: [{ name: 'one' }] }))
        .status,
    ).toBe(201);
  });
  afterEach(() => t.close());

  test('a workset is created, updated to 1.1 with its id, cloned, assembled and deleted', async () => {
    const base = `/api/v1/projects/${projectId}`;
    const created = await call(t.adminKey, 'POST', `${base}/worksets`, workset);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const scenario2 = await call(t.adminKey, 'PUT', `${base}/scenarios/enrol`, {
      steps: [{ name: 'one' }, { name: 'two', recordType: 'T' }],
    });
    expect(scenario2.body.version).toBe('1.1');
    const updated = await call(t.adminKey, 'PATCH', `${base}/worksets/${id}`, {
      scenario: { name: 'enrol', version: '1.1' },
    });
    expect(updated.body).toMatchObject({ id, version: '1.1' });
    const listed = await call(t.adminKey, 'GET', `${base}/worksets`);
    expect(listed.body.map((w: { version: string }) => w.version)).toEqual(['1.1']);
    const clone = await call(t.adminKey, 'POST', `${base}/worksets/${id}/clone?name=copy_workset`);
    expect(clone.status).toBe(201);

    const queued = await call(t.adminKey, 'POST', `${base}/worksets/${id}/versions/1.1/assembly`);
    expect(queued.status).toBe(202);
    let progress = { progress: 0, state: '' };
    for (let i = 0; i < 100 && progress.progress !== 100; i++) {
      progress = (await call(t.adminKey, 'GET', `${base}/worksets/${id}/assembly`)).body;
      if (progress.progress !== 100) await new Promise((r) => setTimeout(r, 20));
    }
    // Six customers, two steps.
    expect(progress).toMatchObject({
      progress: 100,
      rowsGenerated: 12,
      rowsToGenerate: 12,
      version: '1.0',
    });
    const download = await t.app.inject({
      url: '/api/v1/blocks/nightly_workset/versions/1.0/download?format=csv',
      headers: t.auth(t.adminKey),
    });
    expect(download.body.split(/\r?\n/)[0]).toBe('record,step,record_type,tier');

    expect((await call(t.adminKey, 'DELETE', `${base}/worksets/${clone.body.id}`)).status).toBe(
      204,
    );
    expect((await call(t.adminKey, 'GET', `${base}/worksets/${clone.body.id}`)).status).toBe(404);
  });

  test('400 naming the field, 403 for roles, 404 outside the project and the workspace; nothing written', async () => {
    const base = `/api/v1/projects/${projectId}`;
    const noSuffix = await call(t.adminKey, 'POST', `${base}/worksets`, {
      ...workset,
      name: 'nightly',
    });
    expect(noSuffix.status).toBe(400);
    expect(noSuffix.body.field).toBe('body.name');
    const noScenario = await call(t.adminKey, 'POST', `${base}/worksets`, {
      ...workset,
      scenario: { name: 'missing', version: '1.0' },
    });
    expect(noScenario.status).toBe(404);
    expect(noScenario.body.field).toBe('body.scenario');
    const badView = await call(t.adminKey, 'PUT', `${base}/data-views/v`, { columns: ['a', 'a'] });
    expect(badView.status).toBe(400);
    expect(badView.body.field).toBe('body.columns[1]');
    expect((await call(t.adminKey, 'GET', `${base}/worksets`)).body).toEqual([]);

    const viewer = await t.keyWithRole('viewer');
    const manager = await t.keyWithRole('manager');
    expect((await call(viewer, 'POST', `${base}/worksets`, workset)).status).toBe(403);
    const created = await call(manager, 'POST', `${base}/worksets`, workset);
    expect(created.status).toBe(201);
    expect((await call(manager, 'DELETE', `${base}/worksets/${created.body.id}`)).status).toBe(403);
    expect(
      (await call(viewer, 'POST', `${base}/worksets/${created.body.id}/versions/1.0/assembly`))
        .status,
    ).toBe(403);
    expect(
      (await call(t.adminKey, 'GET', `${base}/worksets/ffffffffffffffffffffffff`)).status,
    ).toBe(404);

    const other = await call(t.adminKey, 'POST', '/api/v1/projects', {
      name: 'other',
      version: '1.0',
    });
    expect(
      (
        await call(
          t.adminKey,
          'GET',
          `/api/v1/projects/${other.body.id}/worksets/${created.body.id}`,
        )
      ).status,
    ).toBe(404);
    const { adminKey } = await createWorkspaceWithAdminKey(t.store, { id: 'elsewhere' });
    expect((await call(adminKey, 'GET', `${base}/worksets/${created.body.id}`)).status).toBe(404);
  });

  test('an assembled workset is locked while it runs: a second request is refused, its holder or an admin unlocks', async () => {
    const base = `/api/v1/projects/${projectId}`;
    const created = await call(t.adminKey, 'POST', `${base}/worksets`, workset);
    const id = created.body.id as string;
    const tester = await t.keyWithRole('manager');
    const now = new Date();
    await t.store.lockCatalogue(t.workspace, id, { holder: 'someone' }, now);
    expect(
      (await call(t.adminKey, 'POST', `${base}/worksets/${id}/versions/1.0/assembly`)).status,
    ).toBe(423);
    expect((await call(tester, 'POST', `${base}/worksets/${id}/unlock`)).status).toBe(423);
    const unlocked = await call(t.adminKey, 'POST', `${base}/worksets/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lock).toBeNull();
  });
});
