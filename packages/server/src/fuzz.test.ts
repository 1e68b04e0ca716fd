import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES } from '@allot/core';
import { SERVER_ERRORS } from './errors/error-catalogue.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

/** 47 operations at this many runs each: over 2,000 requests, seeded, in well under a minute. */
const RUNS_PER_OPERATION = 50;
const RESPONSE_CODES = [...Object.keys(ERROR_CODES), ...Object.keys(SERVER_ERRORS)];

interface Operation {
  method: string;
  path: string;
  params: string[];
}

/** Every operation of the served OpenAPI document. */
async function operations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
  };
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      found.push({ method: method.toUpperCase(), path, params });
    }
  }
  return found;
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'shop',
    'checkout',
    'pays in Germany',
    '1',
    '-1',
    '1.0',
    '',
    '%',
    '..',
    'a/b',
    '__proto__',
    'toString',
    'constructor',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    tests: fc.array(fc.record({ pool: text, suite: text, test: text }), { maxLength: 3 }),
    waitMs: fc.integer(),
  }),
  fc.array(fc.record({ allocationTestName: text, suiteName: text, poolName: text }), {
    maxLength: 3,
  }),
  fc.record({
    pool: text,
    key: text,
    blocks: fc.array(text),
    tests: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  }),
);
/** Bodies as sent: JSON, nesting far past any limit, huge arrays, and bytes that are no format at all. */
const payloadText = fc.oneof(
  { weight: 4, arbitrary: jsonBody.map((value) => JSON.stringify(value) ?? '') },
  {
    weight: 2,
    arbitrary: fc
      .record({
        depth: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 1, max: 20_000 })),
        open: fc.constantFrom('[', '{"a":', '- ', '{a: ', 'k:\n '),
      })
      .map(({ depth, open }) => nest(open, depth)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ rows: fc.integer({ min: 1000, max: 20_000 }), row: fc.jsonValue({ maxDepth: 1 }) })
      .map(({ rows, row }) => JSON.stringify(Array.from({ length: rows }, () => row))),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('id,name\n1,=1+1\n', 'pool: x\nkey: id\n', '', '[') },
);
/** What the route is told the body is; `multipart` wraps the text as a file part. */
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/csv',
  'application/yaml',
  'text/yaml',
  'multipart',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/xml',
  'application/x-garbage',
  '%%garbage',
  undefined,
);
const fileName = fc.constantFrom('file.json', 'file.yaml', 'file.csv', 'file.txt', '');

const query = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'format', 'version', 'suite', 'keyColumn', 'mergeMethod', 'x'),
  text,
  { maxKeys: 3 },
);

/** `depth` levels of a JSON or YAML opener, closed where the syntax needs closing. */
function nest(open: string, depth: number): string {
  const close = open.startsWith('[') ? ']' : open.startsWith('{') ? '}' : '';
  return open.repeat(depth) + (close === '' ? 'x' : '1') + close.repeat(depth);
}

function multipartBody(filename: string, content: string): string {
  return (
    `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--fuzz--\r\n`
  );
}

/** For every documented route: random and invalid input never produces a server error. */
describe('fuzzing every route of the OpenAPI document', () => {
  let t: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    t = await createTestApp({ syncWaitMs: 200 });
    await t.seed();
    ops = await operations(t);
  });
  afterAll(() => t.close());

  test('the document lists the vendor and resource routes', () => {
    const paths = ops.map((o) => `${o.method} ${o.path}`);
    expect(paths).toContain(
      'POST /api/apikey/{apiKey}/allocation-pool/{pool}/resolve/server/{server}/execute',
    );
    expect(paths).toContain(
      'GET /api/apikey/{apiKey}/allocation-pool/{pool}/suite/{suite}/allocated-test/{test}/result/value',
    );
    expect(paths).toContain('POST /api/v1/blocks/{block}');
    expect(ops.length).toBeGreaterThan(40);
  });

  test('no 5xx, and errors in the catalogue shape, for random input on every route', async () => {
    let requests = 0;
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.array(text, { minLength: op.params.length, maxLength: op.params.length }),
            query,
            payload: payloadText,
            contentType,
            fileName,
            keyed: fc.boolean(),
            badEscape: fc.boolean(),
          }),
          async (input) => {
            let url = op.path;
            op.params.forEach((name, i) => {
              const value = name === 'apiKey' && input.keyed ? t.adminKey : (input.params[i] ?? '');
              url = url.replace(`{${name}}`, encodeURIComponent(value));
            });
            // A malformed percent-escape in the last segment, as a hand-written URL might hold.
            if (input.badEscape && op.params.length > 0) url += '%E0%A4%A';
            const search = new URLSearchParams(input.query).toString();
            const headers: Record<string, string> = { ...t.auth(t.adminKey) };
            let payload = input.payload;
            if (input.contentType === 'multipart') {
              headers['content-type'] = 'multipart/form-data; boundary=fuzz';
              payload = multipartBody(input.fileName, payload);
            } else if (input.contentType !== undefined) {
              headers['content-type'] = input.contentType;
            }
            const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
            const response = await t.app.inject({
              method: op.method as 'GET',
              url: search === '' ? url : `${url}?${search}`,
              headers,
              ...(hasBody ? { payload } : {}),
            });
            requests++;
            const where = `${op.method} ${url.slice(0, 200)} (${input.contentType ?? 'none'})`;
            if (response.statusCode >= 500)
              throw new Error(`${where} -> ${response.statusCode} ${response.body.slice(0, 300)}`);
            if (response.statusCode >= 400) {
              const error = response.json<{ status: number; code: string; message: string }>();
              expect(error.status, where).toBe(response.statusCode);
              expect(RESPONSE_CODES, where).toContain(error.code);
              expect(error.message, where).not.toMatch(/call stack|is not a valid url component/);
            }
          },
        ),
        { numRuns: RUNS_PER_OPERATION, seed: 20240601 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(2000);
  }, 120_000);
});
