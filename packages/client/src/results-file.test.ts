import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllotClientError } from './allot-client-error.js';
import { readResultsFile, readResultsFileSync } from './results-file.js';

let dir: string;
let path: string;

const CONTENT = {
  jobId: 7,
  namespace: 'ns',
  expiresAt: '2030-01-01T00:00:00.000Z',
  results: [
    {
      pool: 'shop',
      suite: 'checkout',
      test: 'pays with a saved card',
      status: 'allocated',
      values: [{ id: 'C-1', email: 'a@x' }],
      reason: null,
    },
    {
      pool: 'shop',
      suite: 'checkout',
      test: 'pays by invoice',
      status: 'made',
      values: [{ id: 'C-9' }],
      reason: null,
    },
    {
      pool: 'shop',
      suite: 'account',
      test: 'closes the account',
      status: 'cached',
      values: [{ id: 'C-2' }],
      reason: null,
    },
    {
      pool: 'shop',
      suite: 'admin',
      test: 'unlocks',
      status: 'failed',
      values: [],
      reason: '1 test needs status = locked; 0 rows qualify',
    },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-results-'));
  path = join(dir, 'allot-results.json');
  await writeFile(path, JSON.stringify(CONTENT));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): AllotClientError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AllotClientError);
    return error as AllotClientError;
  }
  throw new Error('expected a throw');
}

describe('readResultsFile', () => {
  it('gives a test its entry', async () => {
    const file = await readResultsFile(path);
    expect(file.jobId).toBe(7);
    expect(file.get('shop', 'checkout', 'pays with a saved card').values).toEqual([
      { id: 'C-1', email: 'a@x' },
    ]);
    expect(readResultsFileSync(path).get('shop', 'account', 'closes the account').status).toBe(
      'cached',
    );
  });

  it('names the test and the nearest known ones when it is missing', async () => {
    const file = await readResultsFile(path);
    const error = thrown(() => file.get('shop', 'checkout', 'pays with saved card'));
    expect(error.code).toBe('NO_ALLOCATION');
    expect(error.ref).toEqual({ pool: 'shop', suite: 'checkout', test: 'pays with saved card' });
    expect(error.message).toBe(
      `no allocation for pool "shop", suite "checkout", test "pays with saved card" in results file ${path} (job 7). ` +
        'Nearest tests of pool "shop" (suite / test): "checkout / pays with a saved card", "checkout / pays by invoice", "account / closes the account". ' +
        'Add the test to the pool file, or check how the suite and test names are derived.',
    );
  });

  it('lists the pools when the pool is unknown', async () => {
    const file = await readResultsFile(path);
    expect(thrown(() => file.get('bank', 'x', 'y')).message).toContain(
      'the file has no pool "bank"; its pools are "shop"',
    );
  });

  it("gives a failed test's reason", async () => {
    const file = await readResultsFile(path);
    expect(thrown(() => file.get('shop', 'admin', 'unlocks')).message).toBe(
      `pool "shop", suite "admin", test "unlocks" got no data in job 7 (results file ${path}): 1 test needs status = locked; 0 rows qualify`,
    );
    expect(file.find('shop', 'admin', 'unlocks')?.status).toBe('failed');
  });

  it('explains a missing or malformed file', async () => {
    await expect(readResultsFile(join(dir, 'nope.json'))).rejects.toThrow(
      `cannot read results file ${join(dir, 'nope.json')}: it does not exist`,
    );
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ results: [{ pool: 'p' }] }));
    await expect(readResultsFile(bad)).rejects.toThrow(
      'results[0] needs pool, suite, test, status (strings) and values (a list)',
    );
    await writeFile(bad, '{');
    await expect(readResultsFile(bad)).rejects.toThrow(/is not valid: it is not JSON/);
  });
});
