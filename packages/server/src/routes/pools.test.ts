import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, samplePool, type TestApp } from '../testing/test-app.js';

describe('pools and allocation tests', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());
  const req = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...t.auth(t.adminKey), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  test('create, list, read, replace, delete', async () => {
    const created = await req('POST', '/api/v1/pools', samplePool('other'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'other',
      key: 'id',
      blocks: [{ name: 'customers' }],
    });
    expect((await req('POST', '/api/v1/pools', samplePool('other'))).json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });

    const list = (await req('GET', '/api/v1/pools?limit=1')).json();
    expect(list).toMatchObject({
      items: [{ name: 'other', tests: 4 }],
      total: 2,
      links: { next: '/api/v1/pools?limit=1&offset=1', prev: null },
    });
    const second = (await req('GET', list.links.next as string)).json();
    expect(second).toMatchObject({
      items: [{ name: 'shop' }],
      links: { next: null, prev: '/api/v1/pools?limit=1&offset=0' },
    });

    const replaced = await req('PUT', '/api/v1/pools/other', {
      ...samplePool('other'),
      description: 'changed',
      tests: samplePool().tests.slice(0, 1),
    });
    expect(replaced.statusCode).toBe(200);
    expect((await req('GET', '/api/v1/pools/other')).json()).toMatchObject({
      description: 'changed',
      tests: [{ test: 'pays in Germany' }],
    });

    expect((await req('DELETE', '/api/v1/pools/other')).statusCode).toBe(204);
    expect((await req('GET', '/api/v1/pools/other')).statusCode).toBe(404);
    expect((await req('DELETE', '/api/v1/pools/other')).statusCode).toBe(404);
  });

  test('an invalid pool is a 400 naming the offending path', async () => {
    const bad = {
      ...samplePool('bad'),
      tests: [{ suite: 's', test: 't', find: { where: { status: { between: 1 } } } }],
    };
    const response = await req('POST', '/api/v1/pools', bad);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'INVALID_POOL',
      field: expect.stringMatching(/^body\.tests/) as string,
    });
    const missing = await req('POST', '/api/v1/pools', { key: 'id' });
    expect(missing.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.pool',
    });
    const mismatch = await req('PUT', '/api/v1/pools/shop', samplePool('elsewhere'));
    expect(mismatch.json()).toMatchObject({ status: 400, field: 'body.pool' });
  });

  test('upload a pool file as YAML or multipart; block file paths are dropped', async () => {
    const yaml = [
      'pool: files',
      'key: id',
      'blocks:',
      '  - name: customers',
      '    file: ../../etc/passwd.csv',
      'tests:',
      '  - suite: s',
      '    test: any',
      '    find: {}',
      '',
    ].join('\n');
    const uploaded = await req('POST', '/api/v1/pools/upload', yaml, {
      'content-type': 'application/yaml',
    });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({ name: 'files', blocks: [{ name: 'customers' }] });
    expect(uploaded.body).not.toContain('passwd');

    const boundary = 'allotboundary';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="multi.yml"',
      'Content-Type: application/yaml',
      '',
      yaml.replace('files', 'multi'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const viaForm = await req('POST', '/api/v1/pools/upload', multipart, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(viaForm.json()).toMatchObject({ name: 'multi' });

    const broken = await req('POST', '/api/v1/pools/upload', 'pool: [unclosed', {
      'content-type': 'text/yaml',
    });
    expect(broken.json()).toMatchObject({ status: 400, code: 'INVALID_POOL' });
    const wrongType = await req('POST', '/api/v1/pools/upload', '<pool/>', {
      'content-type': 'application/xml',
    });
    expect(wrongType.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  test('an uploaded pool file naming a column its block lacks fails with the line', async () => {
    const yaml = [
      'pool: typo',
      'key: id',
      'blocks: [{ name: customers }]',
      'tests:',
      '  - suite: s',
      '    test: any',
      '    find:',
      '      where: { stauts: active }',
      '',
    ].join('\n');
    const response = await req('POST', '/api/v1/pools/upload', yaml, {
      'content-type': 'application/yaml',
    });
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'INVALID_POOL',
      field: 'body.tests[0].find.where.stauts',
    });
    expect(response.json().message).toMatch(/pool\.yaml:8: tests\[0\]\.find\.where\.stauts/);
    expect((await req('GET', '/api/v1/pools/typo')).statusCode).toBe(404);
  });

  test('allocation tests: add, list by suite, read, replace, delete', async () => {
    const test = {
      suite: 'new suite',
      test: 'needs a French customer',
      find: { where: { country: 'FR' } },
      columns: ['id', 'email'],
    };
    expect((await req('POST', '/api/v1/pools/shop/tests', test)).statusCode).toBe(201);
    expect((await req('POST', '/api/v1/pools/shop/tests', test)).json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    const bySuite = (await req('GET', '/api/v1/pools/shop/tests?suite=new%20suite')).json();
    expect(bySuite.items).toEqual([{ ...test, count: 1, consume: false, readOnly: false }]);
    const path = '/api/v1/pools/shop/suites/new%20suite/tests/needs%20a%20French%20customer';
    expect((await req('GET', path)).json()).toMatchObject({ columns: ['id', 'email'] });
    const replaced = await req('PUT', path, { find: { where: { country: 'NL' } }, count: 1 });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      suite: 'new suite',
      find: { where: { country: 'NL' } },
    });
    const unknownColumn = await req('PUT', path, { find: { where: { planet: 'Mars' } } });
    expect(unknownColumn.statusCode).toBe(200); // columns are checked against blocks when a job runs
    expect((await req('PUT', path, { find: { where: { country: { like: 1 } } } })).statusCode).toBe(
      400,
    );
    expect((await req('DELETE', path)).statusCode).toBe(204);
    expect((await req('GET', path)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/pools/none/tests')).statusCode).toBe(404);
  });
});
