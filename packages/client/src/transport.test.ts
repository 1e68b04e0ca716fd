import { describe, expect, it } from 'vitest';
import { AllotClient } from './allot-client.js';
import { caught } from './testing/caught.js';
import { fast, json, KEY, serveEachTest } from './testing/stand-in-server.js';

const serve = serveEachTest();

describe('transport', () => {
  it('retries 5xx with backoff and succeeds, sending the key only in the header', async () => {
    const { url, seen } = await serve((_req, res, index) =>
      index < 2
        ? json(res, 503, { code: 'UNAVAILABLE', message: 'store busy' })
        : json(res, 200, { id: 'C-1' }),
    );
    const lines: string[] = [];
    const client = new AllotClient({ baseUrl: url, ...fast, log: (l) => lines.push(l) });
    expect(await client.result('shop', 'checkout', 'pays')).toEqual({ id: 'C-1' });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/allocation-pool/shop/suite/checkout/allocated-test/pays/result/value',
      authorization: `Bearer ${KEY}`,
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /reading the values of pool "shop", suite "checkout", test "pays" failed \(HTTP 503\); retry 1 of 4 in \d+ ms/,
    );
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('gives up after the last retry with the status, code and attempts in the message', async () => {
    const { url, seen } = await serve((_req, res) =>
      json(res, 500, { code: 'INTERNAL', message: 'boom' }),
    );
    const client = new AllotClient({ baseUrl: url, ...fast, retries: 2, keyIn: 'path' });
    const error = await caught(client.result('shop', 'checkout', 'pays'));
    expect(seen).toHaveLength(3);
    expect(seen[0]?.url).toBe(
      `/api/apikey/${KEY}/allocation-pool/shop/suite/checkout/allocated-test/pays/result/value`,
    );
    expect(seen[0]?.authorization).toBeUndefined();
    expect(error.status).toBe(500);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(
      `reading the values of pool "shop", suite "checkout", test "pays" failed at ${url}: boom [HTTP 500 INTERNAL] (after 3 attempts)`,
    );
  });

  it('never retries a 4xx', async () => {
    const { url, seen } = await serve((_req, res) =>
      json(res, 400, { code: 'VALIDATION_FAILED', message: 'body.suite is required' }),
    );
    const client = new AllotClient({ baseUrl: url, ...fast });
    const error = await caught(client.execute([{ pool: 'p', suite: 's', test: 't' }]));
    expect(seen).toHaveLength(1);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('retries 429 after the Retry-After the server asks for', async () => {
    const { url, seen } = await serve((_req, res, index) =>
      index === 0
        ? json(res, 429, { code: 'RATE_LIMITED', message: 'slow down' }, { 'retry-after': '0' })
        : json(res, 200, { id: 'x' }),
    );
    const client = new AllotClient({ baseUrl: url, ...fast });
    expect(await client.result('p', 's', 't')).toEqual({ id: 'x' });
    expect(seen).toHaveLength(2);
  });

  it('times out a request that hangs, and retries it', async () => {
    const { url, seen } = await serve(() => undefined);
    const client = new AllotClient({ baseUrl: url, ...fast, timeoutMs: 100, retries: 1 });
    const error = await caught(client.rows('p', 's', 't'));
    expect(seen).toHaveLength(2);
    expect(error.code).toBe('TIMEOUT');
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('no answer within 100 ms');
  });

  it('reports a refused connection after its retries', async () => {
    const { url, close } = await serve(() => undefined);
    await close();
    const client = new AllotClient({ baseUrl: url, ...fast, retries: 2 });
    const error = await caught(client.result('shop', 'checkout', 'pays'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(
      `reading the values of pool "shop", suite "checkout", test "pays" failed at ${url}: cannot connect (ECONNREFUSED) (after 3 attempts)`,
    );
  });

  it('sends one execute call for the whole list, to the first pool, then polls until Complete', async () => {
    const { url, seen } = await serve((req, res, index) => {
      if (req.method === 'POST')
        return json(res, 200, { id: 41, jobState: 'InQueue', progressMessage: 'queued' });
      return json(res, 200, {
        id: 41,
        jobState: index < 3 ? 'InProgress' : 'Complete',
        progressMessage: `step ${index}`,
      });
    });
    const client = new AllotClient({ baseUrl: url, ...fast });
    const job = await client.execute(
      [
        { pool: 'shop', suite: 'a', test: '1' },
        { pool: 'bank', suite: 'b', test: '2' },
        { suite: 'c', test: '3' },
      ],
      { pool: 'shop', server: 'qa db' },
    );
    expect(job).toEqual({ id: 41, jobState: 'Complete', progressMessage: 'step 3' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/allocation-pool/shop/resolve/server/qa%20db/execute',
      'GET /api/job/41',
      'GET /api/job/41',
      'GET /api/job/41',
    ]);
  });

  it('fails an Error job with its progress message unless told not to', async () => {
    const { url } = await serve((_req, res) =>
      json(res, 200, { id: 7, jobState: 'Error', progressMessage: '1 test failed: no rows' }),
    );
    const client = new AllotClient({ baseUrl: url, ...fast });
    const error = await caught(client.execute([{ pool: 'p', suite: 's', test: 't' }]));
    expect(error.code).toBe('JOB_FAILED');
    expect(error.message).toBe(
      `job 7 (executing pool "p", suite "s", test "t") ended in Error at ${url}: 1 test failed: no rows`,
    );
    const job = await client.execute([{ pool: 'p', suite: 's', test: 't' }], {
      failOnError: false,
    });
    expect(job.jobState).toBe('Error');
  });

  it('refuses a test with no pool before any request', async () => {
    const client = new AllotClient({ baseUrl: 'http://127.0.0.1:9', ...fast });
    const error = await caught(client.execute([{ suite: 's', test: 't' }]));
    expect(error.code).toBe('INVALID_INPUT');
  });
});
