import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const multipart = (filename: string, content: string) =>
  `--x\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
  `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--x--\r\n`;

/** Inputs that once answered 500 or leaked internal error text: each is a 4xx in the catalogue's shape. */
describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  const send = (url: string, contentType: string | undefined, payload?: string) =>
    t.app.inject({
      method: payload === undefined ? 'GET' : 'POST',
      url,
      headers: { ...t.auth(t.adminKey), ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload === undefined ? {} : { payload }),
    });

  test.each([
    ['/api/v1/pools/upload', 'application/json', deepArray(5000)],
    ['/api/v1/pools/upload', 'application/json', deepObject(5000)],
    ['/api/v1/pools/upload', 'application/json', deepArray(1000)],
    ['/api/v1/blocks/deep', 'application/json', deepArray(5000)],
    ['/api/v1/blocks/deep', 'application/json', deepObject(5000)],
    ['/api/v1/jobs', 'application/json', deepObject(100_000)],
    ['/api/v1/pools/upload', 'application/yaml', deepArray(5000)],
    ['/api/v1/pools/upload', 'text/yaml', deepArray(1000)],
    ['/api/v1/pools/upload', 'application/yaml', '- '.repeat(5000) + 'x'],
    [
      '/api/v1/pools/upload',
      'multipart/form-data; boundary=x',
      multipart('p.yaml', deepArray(5000)),
    ],
    [
      '/api/v1/pools/upload',
      'multipart/form-data; boundary=x',
      multipart('p.json', deepArray(5000)),
    ],
    [
      '/api/v1/blocks/deep',
      'multipart/form-data; boundary=x',
      multipart('b.json', deepArray(5000)),
    ],
  ])('a deep body to %s as %s is a 400 BODY_TOO_DEEP naming the limit', async (url, type, body) => {
    const response = await send(url, type, body);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'BODY_TOO_DEEP',
      message: expect.stringContaining('64 levels') as string,
    });
  });

  test('a JSON upload is stored as sent, not re-serialised', async () => {
    const text = '[ {"id": "A-1",  "n": 1.50} ]';
    const upload = await send('/api/v1/blocks/as-sent', 'application/json', text);
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await send('/api/v1/blocks/as-sent/download?format=json', undefined);
    // 1.50 survives as the number 1.5 either way; the source hash is of the text as sent.
    expect(download.json()).toEqual([{ id: 'A-1', n: 1.5 }]);
    const again = await send('/api/v1/blocks/as-sent', 'application/json', text);
    expect(again.json()).toMatchObject({ imported: false });
  });

  test.each([
    ['/api/v1/jobs', 'text/plain', '{"tests": []}'],
    ['/api/v1/jobs', 'text/csv', 'a,b'],
    ['/api/v1/pools', 'application/yaml', 'pool: x'],
    ['/api/v1/pools', 'multipart/form-data; boundary=x', multipart('p.json', '{}')],
    ['/api/v1/jobs', 'application/xml', '<tests/>'],
  ])('a JSON route sent %s as %s is a 415', async (url, type, body) => {
    const response = await send(url, type, body);
    expect(response.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  test('framework errors answer in the catalogue shape with our message', async () => {
    const badUrl = await send('/api/v1/pools/%E0%A4%A', undefined);
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({
      status: 400,
      code: 'BAD_URL',
      message: expect.any(String) as string,
      requestId: expect.any(String) as string,
    });
    const long = await send(`/api/v1/pools/${'a'.repeat(3000)}`, undefined);
    expect(long.json()).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    const empty = await send('/api/v1/jobs', 'application/json', '');
    expect(empty.json()).toMatchObject({ status: 400, code: 'MALFORMED_BODY' });
    const proto = await send('/api/v1/jobs', 'application/json', '{"__proto__": {"x": 1}}');
    expect(proto.json()).toMatchObject({ status: 400, code: 'MALFORMED_BODY' });
  });

  test('no 4xx message quotes a parser or runtime error', async () => {
    const responses = await Promise.all([
      send('/api/v1/pools/upload', 'application/json', deepArray(1000)),
      send('/api/v1/blocks/x', 'multipart/form-data; boundary=x', 'garbage'),
      send('/api/v1/blocks/x', 'multipart/form-data', 'garbage'),
      send('/api/v1/jobs', 'application/json', '{"tests": ['),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toMatch(
        /call stack|Unexpected|Boundary not found|at position|end of multipart/,
      );
    }
  });

  test('names such as __proto__ and toString are names like any other', async () => {
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const path = encodeURIComponent(name);
      const pool = await send(`/api/v1/pools/${path}`, undefined);
      const block = await send(`/api/v1/blocks/${path}`, undefined);
      const value = await send(
        `/api/allocation-pool/${path}/suite/${path}/allocated-test/${path}/result/value`,
        undefined,
      );
      expect([pool.statusCode, block.statusCode, value.statusCode]).toEqual([404, 404, 404]);

      if (name.startsWith('_')) continue; // not a valid block name
      const upload = await send(`/api/v1/blocks/${path}?keyColumn=id`, 'text/csv', 'id\n1\n');
      expect(upload.statusCode, upload.body).toBe(201);
      const stored = await send(`/api/v1/blocks/${path}`, undefined);
      expect(stored.statusCode).toBe(200);
      expect(stored.json()).toMatchObject({ block: name });
    }
  });
});
