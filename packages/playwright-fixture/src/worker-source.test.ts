import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllotClient } from '@allot/client';
import { startSeededServer, type SeededServer } from '@allot/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveSourceOptions } from './options.js';
import { WorkerSource } from './worker-source.js';

const CSV = ['id,email,password', 'C-1,a@x.test,p1', 'C-2,b@x.test,p2', 'C-3,c@x.test,p3'].join(
  '\n',
);
const POOL = {
  pool: 'shop',
  key: 'id',
  blocks: ['customers'],
  secrets: ['email'],
  tests: ['a', 'b'].map((test) => ({ suite: 's', test, find: { where: {} } })),
};

let server: SeededServer;
let dir: string;
beforeAll(async () => {
  server = await startSeededServer({
    workspace: 'ws-pw-source',
    block: { name: 'customers', keyColumn: 'id', csv: CSV },
    pool: POOL,
  });
  dir = await mkdtemp(join(tmpdir(), 'allot-pw-source-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

function open(options: Partial<typeof DEFAULT_OPTIONS>) {
  return WorkerSource.open(
    resolveSourceOptions({ ...DEFAULT_OPTIONS, allotApiKey: server.apiKey, ...options }, {}),
  );
}

describe('WorkerSource against a real server', () => {
  it('allocates on demand, masks the pool’s declared secrets, and releases', async () => {
    const source = await open({ allotServerUrl: server.url, allotSecrets: ['phone'] });
    const ref = { pool: 'shop', suite: 's', test: 'a' };
    const values = await source.lookup(ref);
    expect(values.source).toBe(`server ${server.url}`);
    expect(values.rows).toHaveLength(1);
    expect(await source.secretColumns('shop')).toEqual(new Set(['phone', 'email']));

    await source.release(ref);
    const client = new AllotClient({ baseUrl: server.url, apiKey: server.apiKey });
    expect(await client.releaseTest('shop', 's', 'a')).toEqual({ released: 0, consumed: 0 });
  });

  it('reads a results file once, without asking the server', async () => {
    const path = join(dir, 'allot-results.json');
    const entry = { pool: 'shop', suite: 's', test: 'b', status: 'allocated', reason: null };
    await writeFile(
      path,
      JSON.stringify({
        jobId: 3,
        namespace: 'n',
        expiresAt: '2030-01-01T00:00:00.000Z',
        results: [{ ...entry, values: [{ id: 'C-9' }] }],
      }),
    );
    const source = await open({ allotResultsFile: path });
    await rm(path); // read when the worker started
    const values = await source.lookup({ pool: 'shop', suite: 's', test: 'b' });
    expect(values.rows).toEqual([{ id: 'C-9' }]);
    expect(values.source).toBe(`results file ${path}`);
    expect(await source.secretColumns('shop')).toEqual(new Set());
  });

  it('masks the secret columns a results file lists, without asking the server', async () => {
    const path = join(dir, 'allot-results-secrets.json');
    const entry = { pool: 'shop', suite: 's', test: 'b', status: 'allocated', reason: null };
    await writeFile(
      path,
      JSON.stringify({
        jobId: 4,
        namespace: 'n',
        expiresAt: '2030-01-01T00:00:00.000Z',
        results: [{ ...entry, values: [{ id: 'C-9', pin: '1' }], secrets: ['pin', 'email'] }],
      }),
    );
    const source = await open({ allotResultsFile: path, allotSecrets: ['phone'] });
    expect(await source.secretColumns('shop')).toEqual(new Set(['phone', 'pin', 'email']));
  });

  it('fails at once on a results file that does not exist', async () => {
    await expect(open({ allotResultsFile: join(dir, 'nope.json') })).rejects.toThrow(
      `cannot read results file ${join(dir, 'nope.json')}: it does not exist`,
    );
  });
});
