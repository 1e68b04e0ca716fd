import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Datasets and variables under /api/v1/projects/{project}, from a job, and as parameter tables. */
describe('datasets over /api/v1', () => {
  let t: TestApp;
  let project: number;
  let tester: string;
  let viewer: string;

  async function call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    key = tester,
  ) {
    const response = await t.app.inject({ method, url, headers: t.auth(key), payload });
    return {
      status: response.statusCode,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies of many shapes, as inject().json() does
      body: response.body ? (safeJson(response.body) as any) : null,
      text: response.body,
    };
  }

  beforeEach(async () => {
    t = await createTestApp();
    tester = await t.keyWithRole('tester');
    viewer = await t.keyWithRole('viewer');
    project = (await call('POST', '/api/v1/projects', { name: 'Checkout' }, t.adminKey)).body.id;
  });
  afterEach(async () => {
    await t.close();
  });

  it('adds variables and datasets, lists, changes and deletes them; writes nothing on failure', async () => {
    const base = `/api/v1/projects/${project}`;
    expect((await call('POST', `${base}/variables`, { name: 'browser' })).status).toBe(201);
    expect((await call('POST', `${base}/variables`, { name: 'age' })).status).toBe(201);
    const added = await call('POST', `${base}/datasets`, {
      name: 'Ringo',
      values: { browser: 'Chrome' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      name: 'Ringo',
      isDefault: false,
      project,
      variables: [
        { name: 'browser', value: 'Chrome' },
        { name: 'age', value: '' },
      ],
    });
    const listed = await call('GET', `${base}/datasets`);
    expect(listed.body.items.map((d: { name: string }) => d.name)).toEqual(['Default', 'Ringo']);
    expect(listed.body.total).toBe(2);
    const changed = await call('PATCH', `${base}/datasets/${added.body.id}`, {
      values: { age: '38' },
    });
    expect(changed.body.variables[1]).toMatchObject({ name: 'age', value: '38' });

    // 400 naming the field, 409 for a name taken, 404 outside the project, 403 for a viewer.
    const bad = await call('POST', `${base}/datasets`, { name: 'x', values: { age: { n: 3 } } });
    expect(bad.status, 'object value').toBe(400);
    expect(bad.body.field).toContain('values');
    const unknown = await call('POST', `${base}/datasets`, {
      name: 'x',
      values: { colour: 'red' },
    });
    expect(unknown.status, 'unknown variable').toBe(400);
    expect(unknown.body.field).toBe('variables.colour');
    expect((await call('POST', `${base}/datasets`, { name: 'Ringo' })).status).toBe(409);
    expect((await call('POST', `${base}/datasets`, { name: ' padded' })).status, 'padded').toBe(
      400,
    );
    expect((await call('POST', `${base}/datasets`, { name: 'v' }, viewer)).status).toBe(403);
    const other = (await call('POST', '/api/v1/projects', { name: 'Other' }, t.adminKey)).body.id;
    expect((await call('GET', `/api/v1/projects/${other}/datasets/${added.body.id}`)).status).toBe(
      404,
    );
    expect((await call('GET', `/api/v1/projects/999/datasets`)).status).toBe(404);
    const defaultId = listed.body.items[0].id;
    expect((await call('DELETE', `${base}/datasets/${defaultId}`)).status).toBe(400);
    expect((await call('GET', `${base}/datasets`)).body.total).toBe(2);

    expect((await call('DELETE', `${base}/datasets/${added.body.id}`)).status).toBe(204);
    expect((await call('GET', `${base}/datasets/${added.body.id}`)).status).toBe(404);
    const variables = (await call('GET', `${base}/variables`)).body.items;
    expect(variables.map((v: { name: string }) => v.name)).toEqual(['browser', 'age']);
    expect(
      (await call('PATCH', `${base}/variables/${variables[0].id}`, { name: 'agent' })).body.name,
    ).toBe('agent');
    expect((await call('DELETE', `${base}/variables/${variables[1].id}`)).status).toBe(204);
    expect((await call('GET', `${base}/variables`)).body.items).toHaveLength(1);
  });

  it("turns a job's results into datasets, refreshes them on a second run, and exports parameter tables", async () => {
    await t.seed();
    const tests = [
      { pool: 'shop', suite: 'checkout', test: 'pays in Germany' },
      { pool: 'shop', suite: 'checkout', test: 'gold & rich / 100%' },
      { pool: 'shop', suite: 'account', test: 'locked user' },
      { pool: 'shop', suite: 'account', test: 'nobody matches' },
    ];
    const job = await call('POST', '/api/v1/jobs', { tests, waitMs: 5000 }, t.adminKey);
    expect(job.status, job.text).toBeLessThan(300);
    const id = job.body.id as number;
    const base = `/api/v1/projects/${project}`;
    const made = await call('POST', `${base}/datasets/from-job`, { job: id });
    expect(made.status, made.text).toBe(200);
    expect(made.body.created.length).toBe(3);
    expect(made.body.variablesAdded).toEqual(
      expect.arrayContaining(['id', 'email', 'country', 'status']),
    );
    const names = (await call('GET', `${base}/datasets`)).body.items.map(
      (d: { name: string }) => d.name,
    );
    expect(names).toEqual([
      'Default',
      'checkout / pays in Germany',
      'checkout / gold & rich / 100%',
      'account / locked user',
    ]);
    const again = await call('POST', `${base}/datasets/from-job`, { job: id });
    expect(again.body).toMatchObject({ created: [], updated: made.body.created });
    const locked = (await call('GET', `${base}/datasets`)).body.items[3];
    expect(locked.variables.find((v: { name: string }) => v.name === 'status').value).toBe(
      'locked',
    );
    expect((await call('POST', `${base}/datasets/from-job`, { job: 999 })).status).toBe(404);

    const jest = await call('GET', `${base}/datasets/export?format=jest`);
    expect(jest.text).toContain('export const table = [');
    expect(jest.text).toContain('dataset: "account / locked user"');
    const pytest = await call('GET', `${base}/datasets/export?format=pytest`);
    expect(pytest.text).toContain('pytest.mark.parametrize(');
    expect(pytest.text).toContain('id="account / locked user"');
    const playwright = await call('GET', `${base}/datasets/export?format=playwright`);
    expect(playwright.text).toContain('export const datasets');
    expect((await call('GET', `${base}/datasets/export?format=cypress`)).status).toBe(400);
  });

  it('queries datasets with OData: filter, order, select, count, 400 naming an unknown field', async () => {
    const base = `/api/v1/projects/${project}`;
    for (const name of ['b2', 'a1', 'c3']) await call('POST', `${base}/datasets`, { name });
    const page = await call(
      'GET',
      `${base}/datasets?$filter=${encodeURIComponent("isDefault eq false and name ne 'c3'")}&$orderby=name&$select=id,name&$count=true`,
    );
    expect(page.status, page.text).toBe(200);
    expect(page.body.items.map((d: { name: string }) => d.name)).toEqual(['a1', 'b2']);
    expect(Object.keys(page.body.items[0])).toEqual(['id', 'name']);
    expect(page.body.total).toBe(2);
    const bad = await call(
      'GET',
      `${base}/datasets?$filter=${encodeURIComponent("colour eq 'x'")}`,
    );
    expect(bad.status, 'object value').toBe(400);
    expect(bad.body.message).toContain('unknown field "colour"');
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
