import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllotClient } from './allot-client.js';
import { lookupValues } from './lookup-values.js';
import { readResultsFile, type ResultsFile } from './results-file.js';
import { startRealClient, type RealServer } from './testing/real-server.js';

let server: RealServer;
let client: AllotClient;
let dir: string;
let file: ResultsFile;

beforeAll(async () => {
  ({ server, client } = await startRealClient());
  dir = await mkdtemp(join(tmpdir(), 'allot-lookup-'));
  const path = join(dir, 'results.json');
  const results = [
    {
      pool: 'shop',
      suite: 'checkout',
      test: 'pays 1',
      status: 'allocated',
      values: [{ id: 'FROM-FILE' }],
      reason: null,
    },
  ];
  await writeFile(
    path,
    JSON.stringify({ jobId: 1, namespace: 'n', expiresAt: '2030-01-01T00:00:00Z', results }),
  );
  file = await readResultsFile(path);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lookupValues', () => {
  it('reads the results file first, with no request', async () => {
    const values = await lookupValues(
      { pool: 'shop', suite: 'checkout', test: 'pays 1' },
      { resultsFile: file, client },
    );
    expect(values.get('id')).toBe('FROM-FILE');
    expect(values.source).toContain('results file');
  });

  it('falls back to the server and allocates on demand', async () => {
    const values = await lookupValues(
      { pool: 'shop', suite: 'checkout', test: 'pays 2' },
      { resultsFile: file, client },
    );
    expect(values.columns).toEqual(['id', 'email']);
    expect(values.text('email')).toMatch(/@example\.test$/);
    expect(() => values.get('password')).toThrow(
      'pool "shop", suite "checkout", test "pays 2" has no column "password"; its columns are id, email (from server http://127.0.0.1:',
    );
  });

  it('explains the file miss when there is no server', async () => {
    await expect(
      lookupValues({ pool: 'shop', suite: 'checkout', test: 'pays 2' }, { resultsFile: file }),
    ).rejects.toThrow(
      /no allocation for pool "shop", suite "checkout", test "pays 2" in results file .*Nearest tests/,
    );
  });

  it('does not allocate when told not to', async () => {
    await expect(
      lookupValues(
        { pool: 'shop', suite: 'checkout', test: 'pays 3' },
        { client, allocate: false },
      ),
    ).rejects.toThrow(
      /^no allocation for pool "shop", suite "checkout", test "pays 3" at http:\/\/127\.0\.0\.1:\d+: test "pays 3" .* has not been allocated yet/,
    );
  });
});
