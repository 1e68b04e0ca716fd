import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllotClient } from './allot-client.js';
import { caught } from './testing/caught.js';
import { clientOf, startRealClient, type RealServer } from './testing/real-server.js';

let server: RealServer;
let client: AllotClient;
let firstJob: number;

beforeAll(async () => {
  ({ server, client } = await startRealClient());
});
afterAll(async () => server?.close());

describe('AllotClient against the real server', () => {
  it('executes a bundle as one job and reads distinct values per test', async () => {
    const tests = [1, 2, 3, 4].map((i) => ({ suite: 'checkout', test: `pays ${i}` }));
    const job = await client.execute(tests, { pool: 'shop' });
    expect(job.jobState).toBe('Complete');
    expect(Number.isInteger(job.id)).toBe(true);
    firstJob = job.id;

    const flats = await Promise.all(tests.map((t) => client.result('shop', t.suite, t.test)));
    expect(Object.keys(flats[0] ?? {})).toEqual(['id', 'email']);
    expect(new Set(flats.map((f) => f.id)).size).toBe(4);

    const rows = await client.rows('shop', 'checkout', 'pays 1');
    expect(rows).toEqual([{ id: flats[0]?.id, email: flats[0]?.email }]);
  });

  it('reads every row of a test that takes several', async () => {
    await client.execute([{ pool: 'shop', suite: 'admin', test: 'unlocks' }]);
    const rows = await client.rows('shop', 'admin', 'unlocks');
    expect(rows.map((r) => r.id).sort()).toEqual(['C-07', 'C-08']);
  });

  it('polls a job that is still running when execute answers', async () => {
    const slow = await startRealClient({ syncWaitMs: 0, client: { pollIntervalMs: 20 } });
    try {
      const job = await slow.client.execute([{ pool: 'shop', suite: 'checkout', test: 'pays 1' }]);
      expect(job.jobState).toBe('Complete');
      expect(await slow.client.result('shop', 'checkout', 'pays 1')).toHaveProperty('id');
    } finally {
      await slow.server.close();
    }
  });

  it('fails a job that leaves a test without data, naming the job and the reason', async () => {
    const error = await caught(
      client.execute([{ pool: 'shop', suite: 'admin', test: 'finds nobody' }]),
    );
    expect(error.code).toBe('JOB_FAILED');
    expect(error.message).toMatch(
      /^job \d+ \(executing pool "shop", suite "admin", test "finds nobody"\) ended in Error at http:\/\/127\.0\.0\.1:\d+: /,
    );
    expect(error.ref).toEqual({ pool: 'shop', suite: 'admin', test: 'finds nobody' });
  });

  it('says which test has no allocation, with the server message, and never the key', async () => {
    const error = await caught(client.result('shop', 'checkout', 'pays 9'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      `no allocation for pool "shop", suite "checkout", test "pays 9" at ${server.url}: suite "checkout" of pool "shop" has no test "pays 9" [HTTP 404 NOT_FOUND]`,
    );
    expect(error.message).not.toContain(server.apiKey);
  });

  it('sends the key in the vendor path when asked, and keeps it out of messages', async () => {
    const vendor = clientOf(server, { keyIn: 'path' });
    await vendor.execute([{ pool: 'shop', suite: 'checkout', test: 'pays 2' }]);
    expect(await vendor.result('shop', 'checkout', 'pays 2')).toHaveProperty('email');
    const error = await caught(vendor.rows('shop', 'nope', 'x'));
    expect(error.message).toContain('no allocation for pool "shop", suite "nope", test "x"');
    expect(error.message).not.toContain(server.apiKey);
  });

  it('answers 401 for a wrong key at once, without retrying', async () => {
    const wrong = `allot_0123456789abcdef_${'x'.repeat(20)}`;
    const lines: string[] = [];
    const bad = new AllotClient({ baseUrl: server.url, apiKey: wrong, log: (l) => lines.push(l) });
    const error = await caught(bad.result('shop', 'checkout', 'pays 1'));
    expect(error.status).toBe(401);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(lines).toEqual([]);
    expect(error.message).not.toContain(wrong);
  });

  it('releases one test and a whole job', async () => {
    expect(await client.releaseTest('shop', 'checkout', 'pays 3')).toEqual({
      released: 1,
      consumed: 0,
    });
    // The first bundle's other three tests still hold their rows.
    expect(await client.releaseJob(firstJob)).toEqual({ released: 3, consumed: 0 });
  });

  it('reads the columns a pool declares secret', async () => {
    expect(await client.poolSecrets('shop')).toEqual([]);
    const error = await caught(client.poolSecrets('no-such-pool'));
    expect(error.status).toBe(404);
    expect(error.message).toContain('reading pool "no-such-pool" failed at http://127.0.0.1:');
  });

  it('names the test when a release fails', async () => {
    const error = await caught(client.releaseJob(987654));
    expect(error.status).toBe(404);
    expect(error.message).toContain('releasing job 987654 failed at http://127.0.0.1:');
  });
});
