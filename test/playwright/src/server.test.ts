import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllotClient } from '@allot/client';
import { startSeededServer, type SeededServer } from '@allot/test-support';
import { rowKeys } from '@allot/test-support/json-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATED_TESTS, customersCsv, poolFile } from './support/paths.js';
import { RUN_TIMEOUT_MS, runPlaywright } from './support/playwright-run.js';

let dir: string;
let server: SeededServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-pw-server-'));
  // The server gets the block by upload, so the pool names it instead of its file;
  // it also declares email secret, which only the server can tell the fixture.
  const pool = (await readFile(poolFile, 'utf8'))
    .replace(/blocks:\n.*\n.*\n/, 'blocks: [customers]\n')
    .replace('secrets: [password, card]', 'secrets: [password, card, email]');
  server = await startSeededServer({
    workspace: 'ws-playwright',
    block: { name: 'customers', keyColumn: 'id', csv: await readFile(customersCsv, 'utf8') },
    pool,
  });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npx playwright test allocating on demand from a real server (no results file)', () => {
  it(
    'gives each test its own rows, and fails the test the pool lacks with its names',
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const run = await runPlaywright({
        dir,
        args: ['--workers', '4'],
        env: { ALLOT_SERVER_URL: server.url, ALLOT_API_KEY: server.apiKey },
      });

      expect(run.exitCode).toBe(1);
      const failed = run.tests.filter((t) => t.status !== 'expected');
      expect(failed.map((t) => t.name)).toEqual(['account.spec.ts › account › deletes the acount']);
      expect(failed[0]?.errors.join('\n')).toMatch(
        /job \d+ \(executing pool "web", suite "account.spec.ts", test "account > deletes the acount"\) ended in Error at http:\/\/127\.0\.0\.1:\d+: .*has no test "account > deletes the acount"/,
      );
      expect(run.stdout).toContain(`${ALLOCATED_TESTS} passed`);

      const passed = run.tests.filter((t) => t.status === 'expected');
      expect(passed).toHaveLength(ALLOCATED_TESTS);
      const keys = rowKeys(passed);
      expect(keys).toHaveLength(ALLOCATED_TESTS + 1);
      expect(new Set(keys).size).toBe(keys.length);

      const client = new AllotClient({ baseUrl: server.url, apiKey: server.apiKey });
      for (const t of passed) {
        const data = t.data!;
        expect(data.source).toBe(`server ${server.url}`);
        // The report holds the rows the server allocated, masked by the pool's declared secrets.
        const rows = await client.rows(data.pool, data.suite, data.test);
        expect(data.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
        for (const row of data.rows) expect(row.email).toBe('***');
      }
      expect(run.stdout + run.stderr).not.toContain(server.apiKey);
      expect(await readFile(join(dir, 'report.json'), 'utf8')).not.toContain(server.apiKey);
    },
  );
});
