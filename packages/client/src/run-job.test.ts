import type { JobStatus } from '@allot/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllotClient } from './allot-client.js';
import { caught } from './testing/caught.js';
import { startRealClient, startSlowJobClient, type RealServer } from './testing/real-server.js';

let server: RealServer;
let client: AllotClient;

beforeAll(async () => {
  ({ server, client } = await startRealClient({ client: { pollIntervalMs: 20 } }));
});
afterAll(async () => server?.close());

describe('AllotClient.runJob against the real server', () => {
  it('runs a bundle as one job with the lease time asked for, and reads it back', async () => {
    const before = Date.now();
    const job = await client.runJob(
      [
        { suite: 'checkout', test: 'pays 1' },
        { suite: 'checkout', test: 'pays 2' },
      ],
      { pool: 'shop', ttlSeconds: 600, server: 'local' },
    );
    expect(job.state).toBe('complete');
    expect(job.answeredBy).toBe(job.id);
    expect(job.allocated).toBe(2);
    expect(job.tests.map((t) => [t.test, t.status])).toEqual([
      ['pays 1', 'allocated'],
      ['pays 2', 'allocated'],
    ]);
    const expires = Date.parse(job.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
    expect(await client.jobStatus(job.id)).toEqual(job);
    await client.releaseJob(job.id);
  });

  it('polls when the server answers at once, reporting only running states', async () => {
    // Over the memory store a job on `local` ends before the answer: this one waits 200 ms first.
    const slow = await startSlowJobClient(200, { pollIntervalMs: 20 });
    try {
      const seen: JobStatus[] = [];
      const job = await slow.client.runJob([{ pool: 'shop', suite: 'admin', test: 'unlocks' }], {
        server: 'slow',
        waitMs: 0,
        seed: 'same every time',
        onProgress: (status) => seen.push(status),
      });
      expect(job.state).toBe('complete');
      expect(job.tests[0]?.status).toBe('allocated');
      // The server's first answer, then at least one poll, all while the job ran.
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.every((s) => s.state === 'running' && s.id === job.id)).toBe(true);
      await slow.client.releaseJob(job.id);
    } finally {
      await slow.server.close();
    }
  });

  it('answers a bundle that still holds live leases with the earlier job, unless refresh', async () => {
    const tests = [{ pool: 'shop', suite: 'checkout', test: 'pays 3' }];
    const first = await client.runJob(tests);
    const again = await client.runJob(tests);
    expect(again.id).not.toBe(first.id);
    expect(again.answeredBy).toBe(first.id);
    expect(again.expiresAt).toBe(first.expiresAt);
    const fresh = await client.runJob(tests, { refresh: true });
    expect(fresh.answeredBy).toBe(fresh.id);
    await client.releaseJob(fresh.id);
    await client.releaseJob(first.id);
  });

  it('returns a job some of whose tests got no data, with their reasons', async () => {
    const job = await client.runJob([
      { pool: 'shop', suite: 'checkout', test: 'pays 4' },
      { pool: 'shop', suite: 'admin', test: 'finds nobody' },
    ]);
    expect(job.state).toBe('failed');
    expect(job.failed).toBe(1);
    const failed = job.tests.find((t) => t.status === 'failed');
    expect(failed?.test).toBe('finds nobody');
    expect(failed?.reason).toEqual(expect.any(String));
    await client.releaseJob(job.id);
  });

  it('names the bundle and the server when the server refuses the job', async () => {
    const error = await caught(
      client.runJob([{ pool: 'shop', suite: 'checkout', test: 'pays 1' }], { waitMs: 60_001 }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.ref).toEqual({ pool: 'shop', suite: 'checkout', test: 'pays 1' });
    expect(error.message).toBe(
      `running pool "shop", suite "checkout", test "pays 1" failed at ${server.url}: body.waitMs must be <= 60000 [HTTP 400 VALIDATION_FAILED]`,
    );
    const ttl = await caught(
      client.runJob([{ pool: 'shop', suite: 'checkout', test: 'pays 1' }], { ttlSeconds: 0 }),
    );
    expect(ttl.code).toBe('VALIDATION_FAILED');
    expect(ttl.message).toContain('ttlSeconds');
  });

  it('refuses a bundle without tests or pools before any request', async () => {
    expect((await caught(client.runJob([]))).code).toBe('INVALID_INPUT');
    const error = await caught(client.runJob([{ suite: 'checkout', test: 'pays 1' }]));
    expect(error.message).toBe(
      'test 0 (suite "checkout", test "pays 1") names no pool, and no default pool was given',
    );
  });

  it('says which job does not exist', async () => {
    const error = await caught(client.jobStatus(987654));
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      `reading job 987654 failed at ${server.url}: job 987654 does not exist [HTTP 404 NOT_FOUND]`,
    );
  });
});
