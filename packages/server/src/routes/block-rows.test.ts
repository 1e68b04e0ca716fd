import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/v1/blocks/{block}/versions/{version}/rows', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());
  const get = (url: string, key = t.adminKey) =>
    t.app.inject({ method: 'GET', url, headers: t.auth(key) });

  test('a page of rows in row order, with the columns and the total', async () => {
    const viewer = await t.keyWithRole('viewer');
    const page = (
      await get('/api/v1/blocks/customers/versions/1.0/rows?limit=2&offset=3', viewer)
    ).json();
    expect(page).toMatchObject({
      block: 'customers',
      version: '1.0',
      limit: 2,
      offset: 3,
      total: 6,
    });
    expect(page.columns[0]).toBe('id');
    expect(page.rows.map((r: string[]) => r[0])).toEqual(['C-4', 'C-5']);
    expect((await get('/api/v1/blocks/customers/versions/1.0/rows?offset=6')).json().rows).toEqual(
      [],
    );
  });

  test('404 for a missing block or version or another workspace; 400 naming a bad parameter or a filter', async () => {
    expect((await get('/api/v1/blocks/nope/versions/1.0/rows')).statusCode).toBe(404);
    expect((await get('/api/v1/blocks/customers/versions/9.9/rows')).statusCode).toBe(404);
    expect(
      (await get('/api/v1/blocks/customers/versions/1.0/rows?limit=5000')).json(),
    ).toMatchObject({
      status: 400,
      field: expect.stringContaining('limit') as string,
    });
    expect(
      (
        await get('/api/v1/blocks/customers/versions/1.0/rows?%24filter=status%20eq%20%27active%27')
      ).json(),
    ).toMatchObject({ status: 400, field: 'querystring.$filter' });
    // Paging, order and columns of OData are not silently ignored either.
    for (const [option, value] of [
      ['$top', '1'],
      ['$skip', '1'],
      ['$orderby', 'id desc'],
      ['$select', 'id'],
      ['$count', 'true'],
    ])
      expect(
        (
          await get(
            `/api/v1/blocks/customers/versions/1.0/rows?${encodeURIComponent(option!)}=${encodeURIComponent(value!)}`,
          )
        ).json(),
      ).toMatchObject({ status: 400, field: `querystring.${option}` });
    const other = await createTestApp({}, t.store);
    try {
      expect(
        (await get('/api/v1/blocks/customers/versions/1.0/rows', other.adminKey)).statusCode,
      ).toBe(404);
    } finally {
      await other.close();
    }
  });
});
