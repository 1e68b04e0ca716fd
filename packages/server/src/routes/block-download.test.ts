import { EXPORT_FORMAT_NAMES as CORE_FORMATS, EXPORT_FORMATS } from '@allot/core';
import { EXPORT_FORMAT_NAMES } from '@allot/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CUSTOMERS_CSV, createTestApp, type TestApp } from '../testing/test-app.js';

describe('block version downloads', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/customers?keyColumn=id',
      headers: { ...t.auth(t.adminKey), 'content-type': 'text/csv' },
      payload: CUSTOMERS_CSV,
    });
    expect(upload.statusCode).toBe(201);
  });
  afterEach(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth(t.adminKey) });
  const download = (query: string, version = '1.0') =>
    get(`/api/v1/blocks/customers/versions/${version}/download${query}`);

  test("the wire list of formats is core's list of writers", () => {
    expect([...EXPORT_FORMAT_NAMES]).toEqual([...CORE_FORMATS]);
  });

  test.each(CORE_FORMATS)(
    '%s: its content type and a file name with its extension',
    async (format) => {
      const response = await download(`?format=${format}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(EXPORT_FORMATS[format].contentType);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="customers-1.0.${EXPORT_FORMATS[format].extension}"`,
      );
      expect(response.rawPayload.length).toBeGreaterThan(0);
    },
  );

  test('csv by default, formulas neutralised; html and the sequence-numbered text too', async () => {
    const csv = (await download('')).body.split('\r\n');
    expect(csv[0]).toBe('id,email,status,country,tier,balance,note');
    expect(csv[2]).toBe(
      `C-2,b@example.test,active,DE,silver,-12.50,"'=HYPERLINK(""http://evil"")"`,
    );
    expect((await download('?format=csv-seq')).body.split('\r\n')[1]).toBe(
      '1,C-1,a@example.test,active,DE,gold,900.00,plain',
    );
    expect((await download('?format=html')).body).toContain('<td>&#39;+cmd</td>');
  });

  test('unicode arrives as UTF-8 in every text format', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/blocks/names',
      headers: { ...t.auth(t.adminKey), 'content-type': 'text/csv' },
      payload: 'id,last_name\n1,Zoë 山田 🍣\n',
    });
    for (const format of ['csv', 'json', 'html', 'xml', 'sql', 'x12-834']) {
      const response = await get(`/api/v1/blocks/names/versions/1.0/download?format=${format}`);
      expect(response.rawPayload.toString('utf8'), format).toContain('Zoë 山田 🍣');
    }
  });

  test('sqlite is a database file', async () => {
    const file = (await download('?format=sqlite')).rawPayload;
    expect(file.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  test('x12-834 takes a template and a record; a record past the last row is a 404', async () => {
    const all = (await download('?format=x12-834&template=ga')).body;
    expect(all).toMatch(/^ISA\*/);
    expect(all).toContain('*ZZ*GEORGIAACCESS  *');
    expect(all.match(/^INS\*/gm)).toHaveLength(6);
    const one = (await download('?format=x12-834&record=2')).body;
    expect(one.match(/^REF\*0F\*.*$/gm)).toEqual(['REF*0F*3~']);
    const missing = await download('?format=x12-834&record=6');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('an unknown format or template is a 400 naming it; a missing version a 404', async () => {
    expect((await download('?format=xlsx')).json()).toMatchObject({
      status: 400,
      field: 'querystring.format',
    });
    expect((await download('?format=x12-834&template=tx')).json()).toMatchObject({
      status: 400,
      field: 'querystring.template',
    });
    expect((await download('?format=csv', '9.9')).statusCode).toBe(404);
    expect((await get('/api/v1/blocks/nothing/versions/1.0/download')).statusCode).toBe(404);
  });

  test('the OpenAPI document lists every format', async () => {
    const doc = (await get('/openapi.json')).json() as {
      paths: Record<
        string,
        { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }
      >;
    };
    const route = doc.paths['/api/v1/blocks/{block}/versions/{version}/download'];
    const format = route?.get.parameters.find((p) => p.name === 'format');
    expect(format?.schema.enum).toEqual([...CORE_FORMATS]);
  });
});

describe('block version downloads over HTTP', () => {
  test('a large block streams in chunks through a real server', async () => {
    const t = await createTestApp({ uploadLimit: 64 * 1024 * 1024 });
    try {
      const rows = Array.from({ length: 100_000 }, (_, i) => `${i},name ${i},=x${i}`);
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/v1/blocks/big',
        headers: { ...t.auth(t.adminKey), 'content-type': 'text/csv' },
        payload: ['id,name,note', ...rows].join('\n'),
      });
      expect(upload.statusCode).toBe(201);
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(
        `${address}/api/v1/blocks/big/versions/1.0/download?format=tsv-seq`,
        {
          headers: t.auth(t.adminKey),
        },
      );
      expect(response.status).toBe(200);
      // Streamed: no length known up front.
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const lines = (await response.text()).split('\r\n');
      expect(lines).toHaveLength(100_002);
      expect(lines[1]).toBe("1\t0\tname 0\t'=x0");
      expect(lines[100_000]).toBe("100000\t99999\tname 99999\t'=x99999");
    } finally {
      await t.close();
    }
  });
});
