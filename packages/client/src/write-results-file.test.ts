import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsFileSchema } from '@allot/protocol';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultsFile } from './results-file.js';
import { toResultsFile, writeResultsFile, type CommittedJob } from './write-results-file.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-write-results-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A job report as the engine gives it: more than the file keeps. */
const JOB: CommittedJob & { dryRun: boolean; allocated: number } = {
  jobId: 3,
  namespace: 'ns-1',
  expiresAt: '2030-01-01T00:00:00.000Z',
  dryRun: false,
  allocated: 1,
  tests: [
    {
      pool: 'shop',
      suite: 'checkout',
      test: 'pays',
      status: 'allocated',
      values: [{ id: 'C-1', n: 2, ok: true, none: null }],
      secrets: ['password'],
      reason: null,
    },
    {
      pool: 'shop',
      suite: 'checkout',
      test: 'refunds',
      status: 'failed',
      values: [],
      secrets: [],
      reason: 'no row has status=locked',
    },
  ],
};

describe('writeResultsFile', () => {
  it('writes the file in the layout readers and diffs rely on, leaving no temporary file', async () => {
    const path = join(dir, 'nested', 'allot-results.json');
    await writeResultsFile(path, toResultsFile(JOB));
    const text = await readFile(path, 'utf8');
    expect(text).toBe(
      [
        '{',
        '  "jobId": 3,',
        '  "namespace": "ns-1",',
        '  "expiresAt": "2030-01-01T00:00:00.000Z",',
        '  "results": [',
        '    {',
        '      "pool": "shop",',
        '      "suite": "checkout",',
        '      "test": "pays",',
        '      "status": "allocated",',
        '      "values": [',
        '        {',
        '          "id": "C-1",',
        '          "n": 2,',
        '          "ok": true,',
        '          "none": null',
        '        }',
        '      ],',
        '      "secrets": [',
        '        "password"',
        '      ],',
        '      "reason": null',
        '    },',
        '    {',
        '      "pool": "shop",',
        '      "suite": "checkout",',
        '      "test": "refunds",',
        '      "status": "failed",',
        '      "values": [],',
        '      "secrets": [],',
        '      "reason": "no row has status=locked"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(await readdir(join(dir, 'nested'))).toEqual(['allot-results.json']);
  });

  it('writes a file that the protocol schema accepts and the reader reads back', async () => {
    const path = join(dir, 'checked.json');
    await writeResultsFile(path, toResultsFile(JOB));
    const data: unknown = JSON.parse(await readFile(path, 'utf8'));
    expect(Value.Errors(ResultsFileSchema, data)).toEqual([]);
    const file = await readResultsFile(path);
    expect(file.get('shop', 'checkout', 'pays').values).toEqual([
      { id: 'C-1', n: 2, ok: true, none: null },
    ]);
    expect(() => file.get('shop', 'checkout', 'refunds')).toThrow(/no row has status=locked/);
  });

  it('is refused by the schema when an entry lacks its values', () => {
    const broken = { ...toResultsFile(JOB), results: [{ pool: 'shop', suite: 's', test: 't' }] };
    expect(Value.Check(ResultsFileSchema, broken)).toBe(false);
  });
});
