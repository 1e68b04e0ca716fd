import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AllotClient, readResultsFile } from '@allot/client';
import { startSeededServer, type SeededServer } from '@allot/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRefusingProxy } from './support/refusing-proxy.js';
import { runStep } from './support/run-action.js';
import { fixturePath, makeWorkspace, type Workspace } from './support/workspace.js';

describe('server mode', () => {
  let server: SeededServer;
  let ws: Workspace;

  beforeAll(async () => {
    server = await startSeededServer({
      workspace: 'action',
      block: {
        name: 'people',
        keyColumn: 'id',
        csv: await readFile(fixturePath('people/people.csv'), 'utf8'),
      },
      pool: await readFile(fixturePath('people/people.yaml'), 'utf8'),
    });
  });
  afterAll(() => server.close());
  afterEach(() => ws.dispose());

  const serverInputs = () => ({ 'server-url': server.url, 'api-key': server.apiKey });
  const jobOnServer = (id: string) =>
    new AllotClient({ baseUrl: server.url, apiKey: server.apiKey }).jobStatus(Number(id));

  it('uploads the pool files, runs one job, reads every value back, and the post step releases it', async () => {
    ws = await makeWorkspace('people');
    const inputs = { ...serverInputs(), 'pool-files': 'people.yaml', tests: 'first-two.yaml' };
    const main = await runStep('main', { cwd: ws.dir, inputs });
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain('uploaded pool "people" (5 tests)');
    expect(main.outputs).toMatchObject({ allocated: '2', failed: '0', missing: '0' });
    const jobId = main.outputs['job-id'] ?? '';
    expect(main.state).toEqual({
      mode: 'server',
      target: server.url,
      'job-id': jobId,
      release: 'true',
      created: 'true',
      'expires-at': expect.any(String),
    });
    // The key is masked first and never saved or printed otherwise.
    expect(main.stdout.split(server.apiKey)).toHaveLength(2);
    expect(main.stdout).toContain(`::add-mask::${server.apiKey}`);
    expect(JSON.stringify([main.state, main.outputs, main.env, main.summary])).not.toContain(
      server.apiKey,
    );

    const resultsFile = join(ws.dir, 'allot-results.json');
    expect(main.env['ALLOT_RESULTS_FILE']).toBe(resultsFile);
    const results = await readResultsFile(resultsFile);
    expect(String(results.jobId)).toBe(jobId);
    const client = new AllotClient({ baseUrl: server.url, apiKey: server.apiKey });
    for (const entry of results.entries) {
      expect(entry.status).toBe('allocated');
      expect(entry.values).toEqual(await client.rows(entry.pool, entry.suite, entry.test));
      const password = String(entry.values[0]?.['password']);
      expect(main.stdout).toContain(`::add-mask::${password}`);
      expect(main.summary).not.toContain(password);
    }
    expect(main.summary).toContain('password=***');

    const blocked = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...serverInputs(), tests: 'spare.yaml', 'fail-on-failure': 'false' },
    });
    expect(blocked.code, blocked.stdout).toBe(0);
    expect(blocked.outputs['failed']).toBe('1');
    expect(blocked.summary).toMatch(new RegExp(`spare sign in</code>: .*leased by job ${jobId}`));
    await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: blocked.state });

    const post = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: main.state });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(`released job ${jobId}: 2 rows back in the pool`);
    expect((await jobOnServer(jobId)).releasedAt).not.toBeNull();
    const again = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: main.state });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`::warning::allot: job ${jobId} was already released`);

    const spare = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...serverInputs(), tests: 'spare.yaml' },
    });
    expect(spare.code, spare.stdout).toBe(0);
    expect(spare.outputs['allocated']).toBe('1');
    await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: spare.state });
  });

  it("discovers Cucumber scenarios and looks them up in the server's pools", async () => {
    ws = await makeWorkspace('people');
    const main = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...serverInputs(), discover: 'cucumber' },
    });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs).toMatchObject({ allocated: '3', missing: '2' });
    const results = await readResultsFile(join(ws.dir, 'allot-results.json'));
    expect(results.get('people', 'login', 'pays in EUR [EUR]').values).toEqual([
      { id: 'p4', name: 'Dee', status: 'abroad', password: 's3cret-dee-4' },
    ]);
    expect(results.get('people', 'account', 'unlocks the account').values).toEqual([
      { id: 'p3', name: 'Cid', password: 's3cret-cid-3' },
    ]);
    expect(main.summary).not.toContain('s3cret');

    const kept = await runStep('post', {
      cwd: ws.dir,
      inputs: serverInputs(),
      state: { ...main.state, release: 'false' },
    });
    expect(kept.stdout).toContain('keeps its leases until they expire');
    expect((await jobOnServer(main.outputs['job-id'] ?? '')).releasedAt).toBeNull();
    const post = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: main.state });
    expect(post.code, post.stdout).toBe(0);
    expect((await jobOnServer(main.outputs['job-id'] ?? '')).releasedAt).not.toBeNull();
  });

  it('gives the leases the ttl input asks for, with no warning', async () => {
    ws = await makeWorkspace('people');
    const before = Date.now();
    const main = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...serverInputs(), tests: 'first-two.yaml', ttl: '90m' },
    });
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).not.toContain('::warning::');
    expect(main.outputs).toMatchObject({ allocated: '2', failed: '0' });
    const jobId = Number(main.outputs['job-id']);
    const client = new AllotClient({ baseUrl: server.url, apiKey: server.apiKey });
    const job = await client.jobStatus(jobId);
    const expires = Date.parse(job.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 90 * 60_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * 60_000 + 1000);
    const results = await readResultsFile(join(ws.dir, 'allot-results.json'));
    expect(results.expiresAt).toBe(job.expiresAt);
    expect(job.namespace).toMatch(/\S/);
    expect(results.content.namespace).toBe(job.namespace);
    const post = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: main.state });
    expect(post.code, post.stdout).toBe(0);
    expect((await client.jobStatus(jobId)).releasedAt).not.toBeNull();
  });

  it('leaves a job an earlier run created to that run: its post step releases it', async () => {
    ws = await makeWorkspace('people');
    const inputs = { ...serverInputs(), tests: 'first-two.yaml' };
    const first = await runStep('main', { cwd: ws.dir, inputs });
    expect(first.code, first.stdout).toBe(0);
    // A second run of the same bundle while the first one's leases live (another shard, another branch).
    const second = await runStep('main', { cwd: ws.dir, inputs });
    expect(second.code, second.stdout).toBe(0);
    const jobId = first.outputs['job-id'] ?? '';
    expect(second.outputs['job-id']).toBe(jobId);
    expect(second.state).toMatchObject({ 'job-id': jobId, created: 'false' });
    const { expiresAt } = await readResultsFile(join(ws.dir, 'allot-results.json'));

    const post = await runStep('post', {
      cwd: ws.dir,
      inputs: serverInputs(),
      state: second.state,
    });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(
      `::notice::allot: job ${jobId} was created by an earlier run; its leases are left to it (they end at ${expiresAt})`,
    );
    expect(post.stdout).toContain(
      `To release them now: POST ${server.url}/api/v1/jobs/${jobId}/release with a tester key`,
    );
    expect((await jobOnServer(jobId)).releasedAt).toBeNull();

    // Even with the state of the job the second run started, the post step leaves the earlier job.
    const started = { ...second.state, 'job-id': String(Number(jobId) + 1), created: 'true' };
    const again = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: started });
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain(`job ${jobId} was created by an earlier run`);
    expect((await jobOnServer(jobId)).releasedAt).toBeNull();

    const last = await runStep('post', { cwd: ws.dir, inputs: serverInputs(), state: first.state });
    expect(last.stdout).toContain(`released job ${jobId}: 2 rows back in the pool`);
    expect((await jobOnServer(jobId)).releasedAt).not.toBeNull();
  });

  it('saves the job as soon as the server took it, so the post step releases it when a later read fails', async () => {
    ws = await makeWorkspace('people');
    // Every way of reading values: the pool's results listing and one test's rows.
    const proxy = await startRefusingProxy(server.url, (req) =>
      /\/results?[/?]/.test(req.url ?? ''),
    );
    try {
      const inputs = { 'server-url': proxy.url, 'api-key': server.apiKey, tests: 'first-two.yaml' };
      const main = await runStep('main', { cwd: ws.dir, inputs });
      expect(main.code).toBe(1);
      expect(main.stdout).toMatch(
        /::error::listing the results of pool "people" .*refused by the test proxy/,
      );
      expect(main.outputs).toEqual({});
      const jobId = main.state['job-id'] ?? '';
      expect(main.state).toMatchObject({ mode: 'server', target: proxy.url, created: 'true' });
      expect((await jobOnServer(jobId)).releasedAt).toBeNull();

      const post = await runStep('post', { cwd: ws.dir, inputs, state: main.state });
      expect(post.code, post.stdout).toBe(0);
      expect(post.stdout).toContain(`released job ${jobId}: 2 rows back in the pool`);
      expect((await jobOnServer(jobId)).releasedAt).not.toBeNull();
    } finally {
      await proxy.close();
    }
  });

  it('fails with what the server said', async () => {
    ws = await makeWorkspace('people');
    const badKey = await runStep('main', {
      cwd: ws.dir,
      inputs: { 'server-url': server.url, 'api-key': 'allot_nope_nope', tests: 'spare.yaml' },
    });
    expect(badKey.code).toBe(1);
    expect(badKey.stdout).toMatch(
      /::error::listing pools failed at http:\/\/127\.0\.0\.1:\d+: .*\[HTTP 401 UNAUTHORIZED\]/,
    );
    const nothing = await runStep('main', { cwd: ws.dir, inputs: serverInputs() });
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toMatch(/input pool-files is empty and so are tests and discover/);
  });
});
