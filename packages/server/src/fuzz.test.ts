import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

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
  fc.constantFrom('shop', 'checkout', 'pays in Germany', '1', '-1', '1.0', '', '%', '..', 'a/b'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const body = fc.oneof(
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
    tests: fc.array(fc.jsonValue({ maxDepth: 2 })),
  }),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/csv',
  'application/yaml',
  'multipart/form-data; boundary=x',
  'application/xml',
  undefined,
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'format', 'version', 'suite', 'keyColumn', 'mergeMethod', 'x'),
  text,
  { maxKeys: 3 },
);

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

  test('no 5xx for random input on any route', async () => {
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.array(text, { minLength: op.params.length, maxLength: op.params.length }),
            query,
            body,
            contentType,
            keyed: fc.boolean(),
          }),
          async (input) => {
            let url = op.path;
            op.params.forEach((name, i) => {
              const value = name === 'apiKey' && input.keyed ? t.adminKey : (input.params[i] ?? '');
              url = url.replace(`{${name}}`, encodeURIComponent(value));
            });
            const search = new URLSearchParams(input.query).toString();
            const headers: Record<string, string> = { ...t.auth(t.adminKey) };
            if (input.contentType !== undefined) headers['content-type'] = input.contentType;
            const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
            const payload =
              input.contentType === 'application/json'
                ? JSON.stringify(input.body)
                : String(JSON.stringify(input.body));
            const response = await t.app.inject({
              method: op.method as 'GET',
              url: search === '' ? url : `${url}?${search}`,
              headers,
              ...(hasBody ? { payload } : {}),
            });
            if (response.statusCode >= 500)
              throw new Error(`${op.method} ${url} -> ${response.statusCode} ${response.body}`);
            expect(response.statusCode).toBeLessThan(500);
          },
        ),
        { numRuns: 80, seed: 20240601 },
      );
    }
  }, 60_000);
});
