import type { JobStatus } from '@allot/protocol';
import { describe, expect, it } from 'vitest';
import { AllotClient } from './allot-client.js';
import { caught } from './testing/caught.js';
import { fast, json, KEY, serveEachTest } from './testing/stand-in-server.js';

const serve = serveEachTest();

function job(id: number, state: JobStatus['state'], message: string): JobStatus {
  return {
    id,
    answeredBy: state === 'running' || state === 'error' ? null : id,
    state,
    queued: false,
    progress: null,
    message,
    server: 'local',
    createdUser: null,
    keyId: null,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    expiresAt: state === 'running' || state === 'error' ? null : '2030-01-01T02:00:00.000Z',
    releasedAt: null,
    namespace: null,
    allocated: 0,
    made: 0,
    reused: 0,
    failed: 0,
    tests: [],
  };
}

describe('runJob and uploads over the transport', () => {
  it('posts the whole bundle with its options once, then polls until the job ends', async () => {
    const { url, seen } = await serve((req, res, index) =>
      req.method === 'POST'
        ? json(res, 202, job(12, 'running', 'queued behind earlier jobs of this workspace'))
        : json(res, 200, job(12, index < 3 ? 'running' : 'complete', `matching ${index}/3`)),
    );
    const progress: string[] = [];
    const client = new AllotClient({ baseUrl: url, ...fast });
    const done = await client.runJob(
      [
        { suite: 'a', test: '1' },
        { pool: 'bank', suite: 'b', test: '2' },
      ],
      {
        pool: 'shop',
        server: 'qa',
        refresh: true,
        ttlSeconds: 5400,
        seed: 's',
        waitMs: 0,
        onProgress: (status) => progress.push(status.message),
      },
    );
    expect(done.state).toBe('complete');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/v1/jobs',
      'GET /api/v1/jobs/12',
      'GET /api/v1/jobs/12',
      'GET /api/v1/jobs/12',
    ]);
    expect(seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      tests: [
        { pool: 'shop', suite: 'a', test: '1' },
        { pool: 'bank', suite: 'b', test: '2' },
      ],
      server: 'qa',
      refresh: true,
      ttlSeconds: 5400,
      seed: 's',
      waitMs: 0,
    });
    expect(progress).toEqual([
      'queued behind earlier jobs of this workspace',
      'matching 1/3',
      'matching 2/3',
    ]);
  });

  it('throws JOB_FAILED with the server message for a job that ended in error', async () => {
    const { url } = await serve((_req, res) =>
      json(res, 200, job(7, 'error', 'pool "shop" does not exist')),
    );
    const client = new AllotClient({ baseUrl: url, ...fast });
    const error = await caught(client.runJob([{ pool: 'shop', suite: 's', test: 't' }]));
    expect(error.code).toBe('JOB_FAILED');
    expect(error.ref).toEqual({ pool: 'shop', suite: 's', test: 't' });
    expect(error.message).toBe(
      `job 7 (running pool "shop", suite "s", test "t") ended in error at ${url}: pool "shop" does not exist`,
    );
  });

  it('gives up on a job still running at the deadline, saying the server keeps running it', async () => {
    const { url } = await serve((_req, res) => json(res, 200, job(9, 'running', 'makes 1/50')));
    const client = new AllotClient({ baseUrl: url, ...fast });
    const started: number[] = [];
    const error = await caught(
      client.runJob(
        [
          { pool: 'p', suite: 's', test: '1' },
          { pool: 'q', suite: 's', test: '2' },
        ],
        { timeoutMs: 60, onStarted: (status) => started.push(status.id) },
      ),
    );
    expect(error.code).toBe('JOB_TIMEOUT');
    // The caller learnt the job's id before the wait ran out, once.
    expect(started).toEqual([9]);
    expect(error.message).toBe(
      `job 9 (running 2 tests of pools "p", "q") is still running after 60 ms at ${url}: makes 1/50; ` +
        'the server keeps running it (GET /api/v1/jobs/9 shows it): raise timeoutMs to wait longer',
    );
  });

  it('says so when the answer is not a job', async () => {
    const { url } = await serve((_req, res) => json(res, 200, { hello: 'world' }));
    const client = new AllotClient({ baseUrl: url, ...fast });
    const error = await caught(client.jobStatus(3));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe(
      `reading job 3 at ${url}: the answer is not a job (no id and state); is this an allot server?`,
    );
  });

  it('sends the whole file again when an upload is retried after a 5xx', async () => {
    const { url, seen } = await serve((_req, res, index) =>
      index === 0
        ? json(res, 503, { code: 'UNAVAILABLE', message: 'shutting down' })
        : json(res, 201, {
            imported: true,
            version: { block: 'cards', version: '1.0', rowCount: 1 },
          }),
    );
    const lines: string[] = [];
    const client = new AllotClient({ baseUrl: url, ...fast, log: (l) => lines.push(l) });
    const csv = 'number,holder\n4111,Ann\n';
    const upload = await client.uploadBlock(
      'cards',
      { name: 'cards.csv', content: csv },
      { keyColumn: 'number' },
    );
    expect(upload.imported).toBe(true);
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.url).toBe('/api/v1/blocks/cards?keyColumn=number');
      expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(request.body).toContain('filename="cards.csv"');
      expect(request.body).toContain(csv);
    }
    expect(lines).toEqual([
      expect.stringMatching(
        /^allot: uploading cards\.csv as data block "cards" failed \(HTTP 503\); retry 1 of 4 in \d+ ms$/,
      ),
    ]);
  });
});
