import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readResultsFile } from '@allot/client';
import { afterEach, describe, expect, it } from 'vitest';
import { runMainAndPost, runStep } from './support/run-action.js';
import { makeWorkspace, type Workspace } from './support/workspace.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

describe('embedded mode (no server)', () => {
  let ws: Workspace;
  afterEach(() => ws.dispose());

  it('allocates every test of the pool files, writes outputs, results file, env and summary', async () => {
    ws = await makeWorkspace();
    await cp(join(EXAMPLES, 'pools'), join(ws.dir, 'pools'), { recursive: true });
    await cp(join(EXAMPLES, 'data'), join(ws.dir, 'data'), { recursive: true });
    const { main, post } = await runMainAndPost({
      cwd: ws.dir,
      inputs: { 'pool-files': 'pools/*.yaml', ttl: '1h' },
    });
    expect(main.code, main.stdout).toBe(0);
    const resultsFile = join(ws.dir, 'allot-results.json');
    expect(main.outputs).toMatchObject({
      allocated: '12',
      made: '1',
      failed: '0',
      missing: '0',
      'results-file': resultsFile,
    });
    expect(main.env['ALLOT_RESULTS_FILE']).toBe(resultsFile);
    const results = await readResultsFile(resultsFile);
    expect(String(results.jobId)).toBe(main.outputs['job-id']);
    expect(Date.parse(results.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);
    const entry = results.get('shop', 'checkout', 'pays with a saved card');
    const password = String(entry.values[0]?.['password']);
    // Registered as a secret before anything printed it; masked in the summary table.
    expect(main.stdout).toContain(`::add-mask::${password}`);
    expect(main.summary).not.toContain(password);
    expect(main.summary).toContain('<td>pays with a saved card</td>');
    expect(main.summary).toContain('password=***');
    expect(main.summary).toMatch(/12 allocated, 1 made, 0 reused, 0 failed, 0 missing/);
    expect(main.state).toMatchObject({ mode: 'embedded', 'job-id': main.outputs['job-id'] });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toMatch(
      /released job 1: \d+ rows back in the pool; 1 consumed rows stay out/,
    );
  });

  it('releases the leases in the post step, so a second job gets the rows', async () => {
    ws = await makeWorkspace('people');
    const inputs = { 'pool-files': 'people.yaml', store: 'state/allot' };
    const first = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'first-two.yaml' },
    });
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ 'job-id': '1', allocated: '2', failed: '0' });

    const blocked = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'spare.yaml' },
    });
    expect(blocked.code).toBe(1);
    expect(blocked.outputs).toMatchObject({ allocated: '0', failed: '1' });
    expect(blocked.stdout).toMatch(
      /::error::1 tests got no data.*\n?.*people \/ login \/ spare sign in: .*leased/,
    );
    expect(blocked.summary).toContain('Tests without data');
    expect(blocked.summary).toMatch(/spare sign in<\/code>: .*leased by job 1/);
    // Even a failed job's results file is written, with the reason.
    const results = await readResultsFile(join(ws.dir, 'allot-results.json'));
    expect(results.find('people', 'login', 'spare sign in')?.reason).toMatch(/leased/);

    const post = await runStep('post', { cwd: ws.dir, inputs, state: first.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('released job 1: 2 rows back in the pool');
    const again = await runStep('post', { cwd: ws.dir, inputs, state: first.state });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/::warning::allot: job 1 was already released/);

    // The blocked run's own post step ends its (failed) job, so the same bundle is allocated anew.
    await runStep('post', { cwd: ws.dir, inputs, state: blocked.state });
    const second = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'spare.yaml' },
    });
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ 'job-id': '3', allocated: '1', failed: '0' });
  });

  it('leaves a job an earlier run created to that run: its post step releases it', async () => {
    ws = await makeWorkspace('people');
    const inputs = { 'pool-files': 'people.yaml', store: 'state/allot' };
    const first = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'first-two.yaml' },
    });
    expect(first.code, first.stdout).toBe(0);
    // A second run of the same bundle while the first one's leases live (another shard, another branch).
    const second = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'first-two.yaml' },
    });
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs['job-id']).toBe('1');
    expect(second.state).toMatchObject({ 'job-id': '1', created: 'false' });
    const { expiresAt } = await readResultsFile(join(ws.dir, 'allot-results.json'));

    const post = await runStep('post', { cwd: ws.dir, inputs, state: second.state });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(
      `::notice::allot: job 1 was created by an earlier run; its leases are left to it (they end at ${expiresAt})`,
    );
    expect(post.stdout).toContain(
      `To release them now: allot release 1 --data-dir ${JSON.stringify(join(ws.dir, 'state', 'allot'))}`,
    );
    // Job 1 still holds both active rows: the spare test gets none.
    const spare = { ...inputs, tests: 'spare.yaml', 'fail-on-failure': 'false' };
    const blocked = await runStep('main', { cwd: ws.dir, inputs: spare });
    expect(blocked.outputs).toMatchObject({ allocated: '0', failed: '1' });
    await runStep('post', { cwd: ws.dir, inputs, state: blocked.state });

    const last = await runStep('post', { cwd: ws.dir, inputs, state: first.state });
    expect(last.stdout).toContain('released job 1: 2 rows back in the pool');
    const freed = await runStep('main', { cwd: ws.dir, inputs: spare });
    expect(freed.outputs).toMatchObject({ allocated: '1', failed: '0' });
  });

  it('resolves relative paths in GITHUB_WORKSPACE, wherever the step starts', async () => {
    ws = await makeWorkspace('people');
    const elsewhere = await makeWorkspace();
    try {
      const inputs = { 'pool-files': 'people.yaml', tests: 'first-two.yaml', store: 'state/allot' };
      const env = { GITHUB_WORKSPACE: ws.dir };
      const { main, post } = await runMainAndPost({ cwd: elsewhere.dir, inputs, env });
      expect(main.code, main.stdout).toBe(0);
      expect(main.outputs['results-file']).toBe(join(ws.dir, 'allot-results.json'));
      expect(main.state['target']).toBe(join(ws.dir, 'state', 'allot'));
      expect(post.stdout).toContain('released job 1: 2 rows back in the pool');
    } finally {
      await elsewhere.dispose();
    }
  });

  it('keeps the leases with release: false', async () => {
    ws = await makeWorkspace('people');
    const inputs = { 'pool-files': 'people.yaml', tests: 'first-two.yaml', release: 'false' };
    const { main, post } = await runMainAndPost({ cwd: ws.dir, inputs });
    expect(main.code, main.stdout).toBe(0);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('release is false, so job 1 keeps its leases');
    const spare = await runStep('main', {
      cwd: ws.dir,
      inputs: { 'pool-files': 'people.yaml', tests: 'spare.yaml', 'fail-on-failure': 'false' },
    });
    expect(spare.code, spare.stdout).toBe(0);
    expect(spare.outputs['failed']).toBe('1');
  });

  it('reports listed tests no pool defines, and fails on them with fail-on-missing', async () => {
    ws = await makeWorkspace('people');
    await ws.write(
      'manifest.json',
      JSON.stringify([
        { pool: 'people', suite: 'account', test: 'unlocks the account' },
        { suite: 'login', test: 'forgets the password' },
        { pool: 'nope', suite: 'login', test: 'signs in' },
      ]),
    );
    const inputs = { 'pool-files': 'people.yaml', tests: 'manifest.json' };
    const lenient = await runStep('main', { cwd: ws.dir, inputs });
    expect(lenient.code, lenient.stdout).toBe(0);
    expect(lenient.outputs).toMatchObject({ allocated: '1', missing: '2' });
    expect(lenient.summary).toContain('Tests no pool defines');
    expect(lenient.summary).toContain(
      '<code>login / forgets the password</code> (any pool; from manifest.json#2)',
    );
    expect(lenient.summary).toContain(
      '<code>login / signs in</code> (pool nope; from manifest.json#3)',
    );

    const strict = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, 'fail-on-missing': 'true' },
    });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(
      /::error::2 tests are not defined in any pool file \(fail-on-missing: true\)/,
    );
    expect(strict.outputs['job-id']).toBe(lenient.outputs['job-id']);
  });

  it('runs no job when no listed test is in a pool', async () => {
    ws = await makeWorkspace('people');
    await ws.write('manifest.yaml', '- { suite: nowhere, test: at all }\n');
    const { main, post } = await runMainAndPost({
      cwd: ws.dir,
      inputs: { 'pool-files': 'people.yaml', tests: 'manifest.yaml' },
    });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs).toMatchObject({ 'job-id': '', missing: '1', 'results-file': '' });
    expect(main.env['ALLOT_RESULTS_FILE']).toBeUndefined();
    expect(main.summary).toContain('No job ran');
    expect(post.stdout).toContain('no job ran in the main step, nothing to release');
  });

  it('discovers Cucumber scenarios, Scenario Outline rows included', async () => {
    ws = await makeWorkspace('people');
    const { main } = await runMainAndPost({
      cwd: ws.dir,
      inputs: { 'pool-files': 'people.yaml', discover: 'cucumber' },
    });
    expect(main.code, main.stdout).toBe(0);
    const results = await readResultsFile(join(ws.dir, 'allot-results.json'));
    expect(results.entries.map((e) => `${e.suite} / ${e.test}`).sort()).toEqual([
      'account / unlocks the account',
      'login / pays in EUR [EUR]',
      'login / signs in',
    ]);
    expect(results.get('people', 'login', 'pays in EUR [EUR]').values[0]?.['id']).toBe('p4');
    expect(main.outputs['missing']).toBe('2');
    expect(main.summary).toContain(
      '<code>login / pays in USD [USD]</code> (pool people; from features/login.feature:',
    );
    expect(main.summary).toContain('<code>login / is not in the pool</code>');
  });

  it('fails with the input named when inputs are wrong', async () => {
    ws = await makeWorkspace('people');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /input pool-files is required without server-url/],
      [
        { 'pool-files': 'people.yaml', discover: 'jest' },
        /input discover must be one of playwright, cucumber, got "jest"/,
      ],
      [
        { 'pool-files': 'people.yaml', discover: 'cucumber', tests: 'first-two.yaml' },
        /input tests and discover are both set/,
      ],
      [{ 'pool-files': 'people.yaml', ttl: 'soon' }, /input ttl must be a lease time/],
      [
        { 'pool-files': 'people.yaml', release: 'yes' },
        /input release must be true or false, got "yes"/,
      ],
      [
        { 'pool-files': 'people.yaml', 'suite-naming': 'file' },
        /input suite-naming only applies with discover/,
      ],
      [
        { 'pool-files': 'people.yaml', 'api-key': 'k' },
        /input api-key is set but server-url is empty/,
      ],
      [{ 'server-url': 'http://127.0.0.1:9' }, /input api-key is required with server-url/],
      [{ 'server-url': 'ftp://x', 'api-key': 'k' }, /input server-url must be an http/],
      [{ 'pool-files': 'pools/*.yaml' }, /input pool-files: no file matches "pools\/\*\.yaml"/],
      [
        { 'pool-files': 'people.yaml', tests: 'none.yaml' },
        /input tests: cannot read the manifest none.yaml: the file does not exist/,
      ],
    ];
    for (const [inputs, message] of cases) {
      const step = await runStep('main', { cwd: ws.dir, inputs });
      expect(step.code, JSON.stringify(inputs)).toBe(1);
      expect(step.stdout, JSON.stringify(inputs)).toMatch(message);
      expect(step.state, JSON.stringify(inputs)).toEqual({});
    }
  });

  it('names the file and line of an invalid pool file', async () => {
    ws = await makeWorkspace('people');
    const pool = await readFile(join(ws.dir, 'people.yaml'), 'utf8');
    await ws.write(
      'people.yaml',
      pool.replace('find: { where: { status: locked } }', 'find: { where: 7 }'),
    );
    const step = await runStep('main', { cwd: ws.dir, inputs: { 'pool-files': 'people.yaml' } });
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(/::error::.*people\.yaml/);
  });
});
