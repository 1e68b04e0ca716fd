import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CUSTOMERS_CSV, createTestApp, type TestApp } from '../testing/test-app.js';

describe('data blocks', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ uploadLimit: 64 * 1024 });
  });
  afterEach(() => t.close());
  const req = (
    method: 'GET' | 'POST',
    url: string,
    payload?: string | object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...t.auth(t.adminKey), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const csv = { 'content-type': 'text/csv' };

  test('upload as text/csv, again unchanged, then a new version; list versions', async () => {
    const first = await req('POST', '/api/v1/blocks/customers?keyColumn=id', CUSTOMERS_CSV, csv);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      imported: true,
      version: { block: 'customers', version: '1.0', rowCount: 6, keyColumn: 'id' },
    });
    const same = await req('POST', '/api/v1/blocks/customers?keyColumn=id', CUSTOMERS_CSV, csv);
    expect(same.json()).toMatchObject({ imported: false, version: { version: '1.0' } });
    const next = await req(
      'POST',
      '/api/v1/blocks/customers?keyColumn=id',
      `${CUSTOMERS_CSV}\nC-7,g@example.test,active,US,gold,1.00,x`,
      csv,
    );
    expect(next.json()).toMatchObject({ version: { version: '1.1', rowCount: 7 } });

    expect((await req('GET', '/api/v1/blocks')).json()).toMatchObject({
      items: [{ block: 'customers', version: '1.1' }],
      total: 1,
    });
    expect((await req('GET', '/api/v1/blocks/customers')).json()).toMatchObject({ version: '1.1' });
    const versions = (await req('GET', '/api/v1/blocks/customers/versions?limit=1')).json();
    expect(versions).toMatchObject({
      items: [{ version: '1.0' }],
      total: 2,
      links: { next: '/api/v1/blocks/customers/versions?limit=1&offset=1' },
    });
    expect((await req('GET', '/api/v1/blocks/customers/versions/1.0')).json()).toMatchObject({
      rowCount: 6,
    });
    expect((await req('GET', '/api/v1/blocks/customers/versions/9.9')).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/blocks/customers/versions/latest')).statusCode).toBe(400);
    expect((await req('GET', '/api/v1/blocks/nothing')).statusCode).toBe(404);
  });

  test('upload as multipart and as JSON rows', async () => {
    const boundary = 'b0undary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="people.csv"',
      'Content-Type: text/csv',
      '',
      'id,name\n1,Ann\n2,Bo',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const form = await req('POST', '/api/v1/blocks/people', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(form.statusCode).toBe(201);
    expect(form.json()).toMatchObject({ version: { columns: ['id', 'name'], rowCount: 2 } });
    const json = await req('POST', '/api/v1/blocks/numbers', [
      { n: 1, even: false },
      { n: 2, even: true },
    ]);
    expect(json.json()).toMatchObject({ version: { columns: ['n', 'even'], rowCount: 2 } });
  });

  test('bad uploads: malformed CSV, duplicate keys, bad name, wrong type, too large', async () => {
    expect((await req('POST', '/api/v1/blocks/x', 'a,b\n"1,2', csv)).json()).toMatchObject({
      status: 400,
      code: 'INVALID_DATA',
    });
    expect(
      (await req('POST', '/api/v1/blocks/x?keyColumn=a', 'a,b\n1,2\n1,3', csv)).json(),
    ).toMatchObject({ status: 400 });
    expect((await req('POST', '/api/v1/blocks/bad%20name', 'a\n1', csv)).json()).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
    });
    expect(
      (await req('POST', '/api/v1/blocks/x', '<a/>', { 'content-type': 'application/xml' }))
        .statusCode,
    ).toBe(415);
    const big = `a\n${'x'.repeat(70 * 1024)}`;
    expect((await req('POST', '/api/v1/blocks/x', big, csv)).json()).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  test('download as csv (formulas neutralised), json, tsv and pipe', async () => {
    await req('POST', '/api/v1/blocks/customers?keyColumn=id', CUSTOMERS_CSV, csv);
    const asCsv = await req('GET', '/api/v1/blocks/customers/download?format=csv');
    expect(asCsv.headers['content-type']).toContain('text/csv');
    expect(asCsv.headers['content-disposition']).toContain('customers-1.0.csv');
    const lines = asCsv.body.split('\r\n');
    expect(lines[0]).toBe('id,email,status,country,tier,balance,note');
    expect(lines[2]).toBe(
      `C-2,b@example.test,active,DE,silver,-12.50,"'=HYPERLINK(""http://evil"")"`,
    );
    expect(lines[3]).toContain(",'+cmd");
    expect(lines[4]).toContain(",'@SUM(A1)");
    expect(lines[5]).toContain(',"has, comma"');
    expect(lines[6]).toContain(",'-x");

    const asJson = await req('GET', '/api/v1/blocks/customers/download?format=json&version=1.0');
    expect(asJson.json()[1]).toMatchObject({ id: 'C-2', note: '=HYPERLINK("http://evil")' });
    const tsv = await req('GET', '/api/v1/blocks/customers/download?format=tsv');
    expect(tsv.body.split('\r\n')[1]).toBe('C-1\ta@example.test\tactive\tDE\tgold\t900.00\tplain');
    expect(tsv.body.split('\r\n')[2]).toBe(
      `C-2\tb@example.test\tactive\tDE\tsilver\t-12.50\t"'=HYPERLINK(""http://evil"")"`,
    );
    expect(tsv.body.split('\r\n')[4]).toContain("\t'@SUM(A1)");
    const pipe = await req('GET', '/api/v1/blocks/customers/download?format=pipe');
    expect(pipe.body.split('\r\n')[0]).toBe('id|email|status|country|tier|balance|note');
    expect(pipe.body.split('\r\n')[3]).toBe("C-3|c@example.test|active|FR|bronze|10.00|'+cmd");
    // A formula behind leading spaces is caught in every text format too.
    await req('POST', '/api/v1/blocks/spaced', 'id,note\nS-1,"  =1+1"\n', csv);
    for (const format of ['csv', 'tsv', 'pipe']) {
      const body = (await req('GET', `/api/v1/blocks/spaced/download?format=${format}`)).body;
      expect(body.split('\r\n')[1], format).toMatch(/^S-1.' {2}=1\+1$/);
    }
    expect(
      (await req('GET', '/api/v1/blocks/customers/download?format=xlsx')).json(),
    ).toMatchObject({ status: 400, field: 'querystring.format' });
    expect((await req('GET', '/api/v1/blocks/customers/download?version=7.0')).statusCode).toBe(
      404,
    );
  });
});
