import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const PASSWORD = 'correct horse battery staple';

function basic(user: string, secret: string) {
  return { authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` };
}

/**
 * The reference's example requests, in its order, with this test's own
 * project and ids, and its error cases: each answer checked field by field
 * against the documented shapes.
 */
describe('the TestRail datasets API at index.php?/api/v2/…', () => {
  let t: TestApp;
  let project: number;
  let key: string;
  let as: Record<string, string>;

  async function v1(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const response = await t.app.inject({ method, url, headers: t.auth(t.adminKey), payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as Record<string, unknown>;
  }

  async function tr(
    method: 'GET' | 'POST',
    route: string,
    payload?: unknown,
    headers: Record<string, string> = as,
  ) {
    const response = await t.app.inject({
      method,
      url: `/index.php?${route}`,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies of many shapes, as inject().json() does
    return { status: response.statusCode, body: response.json() as Record<string, any> };
  }

  async function userWithPassword(id: string, role: string) {
    await v1('POST', '/api/v1/users', { id, name: id, email: `${id}@example.test`, role });
    const invited = await v1('POST', `/api/v1/users/${id}/invitation`, {});
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invited.token as string}`,
      payload: { password: PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  }

  beforeEach(async () => {
    t = await createTestApp();
    await userWithPassword('jon', 'tester');
    key = (await v1('POST', '/api/v1/keys', { name: 'jon-ci', role: 'tester', userId: 'jon' }))
      .key as string;
    as = { ...basic('jon@example.test', key) };
    project = (await v1('POST', '/api/v1/projects', { name: 'Checkout' })).id as number;
  });
  afterEach(async () => {
    await t.close();
  });

  it('replays the reference: get_dataset, get_datasets, add_dataset, update_dataset, delete_dataset', async () => {
    // The variables of the reference's Default dataset, added as TestRail clients do.
    const names = ['age', 'birth_year', 'browser', 'name', 'New_variable'];
    const variables: Array<{ id: number; name: string }> = [];
    for (const name of names) {
      const added = await tr('POST', `/api/v2/add_variable/${project}`, { name });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect(Object.keys(added.body)).toEqual(['id', 'name']);
      variables.push(added.body as { id: number; name: string });
    }
    const listed = await tr('GET', `/api/v2/get_datasets/${project}`);
    const defaultId = (listed.body.datasets as Array<{ id: number }>)[0]!.id;
    const values = {
      age: '41',
      birth_year: '1980',
      browser: 'Chrome',
      name: 'Jon',
      New_variable: 'm',
    };
    expect(
      (await tr('POST', `/api/v2/update_dataset/${defaultId}`, { variables: values })).status,
    ).toBe(200);

    // GET index.php?/api/v2/get_dataset/183
    const one = await tr('GET', `/api/v2/get_dataset/${defaultId}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body)).toEqual(['id', 'name', 'variables']);
    expect(one.body.id).toBe(defaultId);
    expect(one.body.name).toBe('Default');
    expect(one.body.variables).toEqual(
      variables.map((v) => ({
        id: v.id,
        name: v.name,
        value: values[v.name as keyof typeof values],
      })),
    );
    for (const variable of one.body.variables as object[])
      expect(Object.keys(variable)).toEqual(['id', 'name', 'value']);

    // Three more datasets, as in the reference's list.
    for (const [name, vals] of [
      ['Dataset_name_3', ['38', '1983', 'm,,', 'Ringo', 'mnm']],
      ['New', ['value', 'n', 'm', 'm,', 'nnn']],
      ['BOO', ['blue', 'nnb', 'fcg', 'n,', 'nbnb']],
    ] as const) {
      const body = {
        name,
        variables: variables.map((v, i) => ({ id: v.id, name: v.name, value: vals[i] })),
      };
      expect((await tr('POST', `/api/v2/add_dataset/${project}`, body)).status).toBe(200);
    }

    // GET index.php?/api/v2/get_datasets/2
    const all = await tr('GET', `/api/v2/get_datasets/${project}`);
    expect(all.status).toBe(200);
    expect(Object.keys(all.body)).toEqual(['offset', 'limit', 'size', '_links', 'datasets']);
    expect(all.body).toMatchObject({
      offset: 0,
      limit: 250,
      size: 4,
      _links: { next: null, prev: null },
    });
    expect((all.body.datasets as Array<{ name: string }>).map((d) => d.name)).toEqual([
      'Default',
      'Dataset_name_3',
      'New',
      'BOO',
    ]);
    expect(all.body.datasets[1].variables[2]).toEqual({
      id: variables[2]!.id,
      name: 'browser',
      value: 'm,,',
    });
    expect(all.body.datasets[0]).toEqual(one.body);

    // POST index.php?/api/v2/add_dataset/12 with {"id": 311, "name": "Def", "variables": []}
    const def = await tr('POST', `/api/v2/add_dataset/${project}`, {
      id: 311,
      name: 'Def',
      variables: [],
    });
    expect(def.status).toBe(200);
    expect(def.body.id).not.toBe(311);
    expect(def.body.name).toBe('Def');
    expect(def.body.variables).toEqual(
      variables.map((v) => ({ id: v.id, name: v.name, value: '' })),
    );

    // POST index.php?/api/v2/update_dataset/2: the body of add_dataset, the answer of add_dataset.
    const updated = await tr('POST', `/api/v2/update_dataset/${def.body.id as number}`, {
      name: 'Def2',
      browser: 'Firefox',
    });
    expect(updated.status).toBe(200);
    expect(Object.keys(updated.body)).toEqual(['id', 'name', 'variables']);
    expect(updated.body.name).toBe('Def2');
    expect(updated.body.variables[2]).toEqual({
      id: variables[2]!.id,
      name: 'browser',
      value: 'Firefox',
    });

    // POST index.php?/api/v2/delete_dataset/{id}: its values go with it.
    const deleted = await tr('POST', `/api/v2/delete_dataset/${def.body.id as number}`);
    expect(deleted.status).toBe(200);
    expect((await tr('GET', `/api/v2/get_dataset/${def.body.id as number}`)).status).toBe(400);
    expect((await tr('GET', `/api/v2/get_datasets/${project}`)).body.size).toBe(4);
  });

  it('pages with offset and limit, linking next and prev as TestRail does', async () => {
    for (let i = 0; i < 6; i++)
      expect((await tr('POST', `/api/v2/add_dataset/${project}`, { name: `d${i}` })).status).toBe(
        200,
      );
    const page = await tr('GET', `/api/v2/get_datasets/${project}&offset=2&limit=3`);
    expect(page.body).toMatchObject({
      offset: 2,
      limit: 3,
      size: 3,
      _links: {
        next: `/api/v2/get_datasets/${project}&limit=3&offset=5`,
        prev: `/api/v2/get_datasets/${project}&limit=3&offset=0`,
      },
    });
    expect(page.body.datasets.map((d: { name: string }) => d.name)).toEqual(['d1', 'd2', 'd3']);
    const last = await tr('GET', `/api/v2/get_datasets/${project}&offset=5&limit=3`);
    expect(last.body).toMatchObject({ size: 2, _links: { next: null } });
    for (const bad of ['limit=251', 'limit=0', 'offset=-1', 'limit=x'])
      expect((await tr('GET', `/api/v2/get_datasets/${project}&${bad}`)).status).toBe(400);
  });

  it('answers every documented 400 with TestRail error body, writing nothing', async () => {
    await tr('POST', `/api/v2/add_variable/${project}`, { name: 'browser' });
    await tr('POST', `/api/v2/add_dataset/${project}`, { name: 'taken' });
    const cases: Array<[string, 'GET' | 'POST', string, unknown, RegExp]> = [
      [
        'invalid dataset_id',
        'GET',
        '/api/v2/get_dataset/abc',
        undefined,
        /Field :dataset_id is not a valid ID/,
      ],
      [
        'missing dataset_id',
        'GET',
        '/api/v2/get_dataset/',
        undefined,
        /Field :dataset_id is a required field/,
      ],
      ['unknown dataset_id', 'GET', '/api/v2/get_dataset/9999', undefined, /dataset_id/],
      [
        'invalid project_id',
        'GET',
        '/api/v2/get_datasets/x',
        undefined,
        /Field :project_id is not a valid ID/,
      ],
      [
        'missing project_id',
        'POST',
        '/api/v2/add_dataset',
        { name: 'a' },
        /Field :project_id is a required/,
      ],
      ['unknown project_id', 'POST', '/api/v2/add_dataset/999', { name: 'a' }, /project_id/],
      ['invalid name', 'POST', `/api/v2/add_dataset/${project}`, { name: '  ' }, /name/],
      [
        'missing name',
        'POST',
        `/api/v2/add_dataset/${project}`,
        {},
        /Field :name is a required field/,
      ],
      [
        'name exists',
        'POST',
        `/api/v2/add_dataset/${project}`,
        { name: 'taken' },
        /already exists/,
      ],
      [
        'unknown variable',
        'POST',
        `/api/v2/add_dataset/${project}`,
        { name: 'a', colour: 'red' },
        /no variable "colour"/,
      ],
      [
        'value not a string',
        'POST',
        `/api/v2/add_dataset/${project}`,
        { name: 'a', browser: 3 },
        /must be strings/,
      ],
      [
        'value too long',
        'POST',
        `/api/v2/add_dataset/${project}`,
        { name: 'a', browser: 'x'.repeat(10_001) },
        /longer than/,
      ],
      ['unknown method', 'GET', '/api/v2/get_cases/1', undefined, /Unknown method 'get_cases'/],
      ['wrong HTTP method', 'GET', `/api/v2/add_dataset/${project}`, undefined, /requires POST/],
    ];
    for (const [what, method, route, body, message] of cases) {
      const answer = await tr(method, route, body);
      expect(answer.status, what).toBe(400);
      expect(Object.keys(answer.body), what).toEqual(['error']);
      expect(answer.body.error, what).toMatch(message);
    }
    const defaultId = (await tr('GET', `/api/v2/get_datasets/${project}`)).body.datasets[0]
      .id as number;
    const undeletable = await tr('POST', `/api/v2/delete_dataset/${defaultId}`);
    expect(undeletable).toEqual({
      status: 400,
      body: { error: expect.stringMatching(/Default dataset/) },
    });
    const names = (await tr('GET', `/api/v2/get_datasets/${project}`)).body.datasets.map(
      (d: { name: string }) => d.name,
    );
    expect(names).toEqual(['Default', 'taken']);
  });

  it('authenticates with email and password or API key, 401 otherwise; 403 outside the project', async () => {
    const byPassword = basic('jon@example.test', PASSWORD);
    const headers = { ...byPassword, 'x-allot-workspace': t.workspace };
    expect((await tr('GET', `/api/v2/get_datasets/${project}`, undefined, headers)).status).toBe(
      200,
    );
    const failures = [
      {},
      basic('jon@example.test', 'wrong'),
      { ...basic('jon@example.test', 'wrong'), 'x-allot-workspace': t.workspace },
      basic('other@example.test', key),
      { authorization: `Bearer ${key}` },
      { authorization: 'Basic !!!' },
    ];
    for (const failing of failures) {
      const answer = await tr('GET', `/api/v2/get_datasets/${project}`, undefined, failing);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatch(/^Authentication failed/);
    }
    // A project with members is theirs only: jon is not one.
    await v1('POST', '/api/v1/users', {
      id: 'ann',
      name: 'ann',
      email: 'ann@example.test',
      role: 'tester',
    });
    await v1('POST', `/api/v1/projects/${project}/members`, { user: 'ann', role: 'edit' });
    const refused = await tr('GET', `/api/v2/get_datasets/${project}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/no access to project/);
    // A member who may only view gets 403 on a change, and nothing is written.
    await v1('POST', `/api/v1/projects/${project}/members`, { user: 'jon', role: 'view' });
    expect((await tr('GET', `/api/v2/get_datasets/${project}`)).status).toBe(200);
    const readOnly = await tr('POST', `/api/v2/add_dataset/${project}`, { name: 'x' });
    expect(readOnly.status).toBe(403);
    expect((await tr('GET', `/api/v2/get_datasets/${project}`)).body.size).toBe(1);
  });
});
