import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testId, type PoolDefinition, type RowObject } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';

const KILLS = Number(process.env['ALLOT_CRASH_KILLS'] ?? 50);
const child = fileURLToPath(new URL('./crash-child.mjs', import.meta.url));
let dataDir: string;

const pool: PoolDefinition = {
  name: 'crash',
  key: 'id',
  blocks: [{ name: 'people' }],
  secrets: [],
  tests: [
    ...Array.from({ length: 20 }, (_, i) => ({
      suite: 'find',
      test: `t${i}`,
      find: { where: { kind: i % 2 ? 'a' : 'b' } },
      count: 1 + (i % 2),
      consume: false,
      readOnly: false,
    })),
    {
      suite: 'make',
      test: 'fresh',
      find: { where: { kind: 'never' } },
      make: { columns: { id: { sequence: { prefix: 'm-', pad: 6 } }, kind: 'never' } },
      count: 2,
      consume: false,
      readOnly: false,
    },
  ],
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'allot-crash-'));
  const store = await openLowdbStore(dataDir);
  const rows = Array.from({ length: 2000 }, (_, i) => [`p${i}`, i % 2 ? 'a' : 'b']);
  await store.addBlockVersion('default', {
    block: 'people',
    columns: ['id', 'kind'],
    keyColumn: 'id',
    rows,
    origin: 'import',
  });
  await store.putPool('default', pool);
  await store.close();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the child until it has committed at least once, then SIGKILLs it after a random delay. */
function runAndKill(
  round: number,
): Promise<Array<{ jobId: number; values: Record<string, RowObject[]> }>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited with ${code}: ${err}`));
      // The last line may be cut by the kill: only whole lines were reported.
      const lines = out.split('\n').slice(0, -1);
      resolve(
        lines.map(
          (line) => JSON.parse(line) as { jobId: number; values: Record<string, RowObject[]> },
        ),
      );
    });
  });
}

it(`keeps every reported job whole across ${KILLS} SIGKILLs`, { timeout: 600_000 }, async () => {
  let reported = 0;
  for (let round = 0; round < KILLS; round++) {
    const committed = await runAndKill(round);
    reported += committed.length;
    const store = await openLowdbStore(dataDir);
    try {
      for (const { jobId, values } of committed) {
        const job = await store.getJob('default', jobId);
        expect(job, `job ${jobId} reported committed in round ${round}`).toBeDefined();
        for (const test of job?.tests ?? []) {
          expect(test.status).not.toBe('failed');
          expect(test.rows).toHaveLength(values[`${test.suite}/${test.test}`]?.length ?? -1);
        }
      }
      const last = committed.at(-1);
      if (last !== undefined) {
        const job = await store.getJob('default', last.jobId);
        for (const test of job?.tests ?? []) {
          const result = await store.getResult('default', test);
          // Results may belong to a later job that committed after the last report; never to a missing one.
          expect(await store.getJob('default', result?.jobId ?? -1), testId(test)).toBeDefined();
        }
      }
      const block = await store.getBlock('default', 'people');
      expect(block?.rows.length).toBe(block?.rowCount);
    } finally {
      await store.close();
    }
  }
  expect(reported).toBeGreaterThanOrEqual(KILLS);
});
