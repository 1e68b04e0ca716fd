import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { playwrightTestNames, readResultsFile } from '@allot/client';
import { afterEach, describe, expect, it } from 'vitest';
import { runStep } from './support/run-action.js';
import { fixturePath, makeWorkspace, type Workspace } from './support/workspace.js';

// A real Playwright project (two projects, nested and anonymous describes); `--list` needs no browser.
const PROJECT = fixturePath('playwright');

/** Runs the anonymous-describe spec for real and returns the names its tests get at run time. */
async function runTimeNames(ws: Workspace): Promise<string[]> {
  const file = join(ws.dir, 'title-paths.jsonl');
  await promisify(execFile)(
    'npx',
    [
      'playwright',
      'test',
      'tests/anonymous.spec.ts',
      '--project=chromium',
      '--reporter=line',
      `--output=${join(ws.dir, 'test-results')}`,
    ],
    {
      cwd: PROJECT,
      env: { ...process.env, TITLE_PATHS_FILE: file, PLAYWRIGHT_HTML_OPEN: 'never' },
    },
  );
  const paths = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[]);
  return paths
    .map((path) => playwrightTestNames(path))
    .map((names) => `${names.suite} / ${names.test}`)
    .sort();
}

describe('discover: playwright', () => {
  let ws: Workspace;
  afterEach(() => ws.dispose());

  const inputsFor = (ws: Workspace, pool: string) => ({
    'working-directory': PROJECT,
    'pool-files': pool,
    store: join(ws.dir, 'store'),
    'results-file': join(ws.dir, 'results.json'),
    discover: 'playwright',
  });

  it('names tests by file and describe titles, as the fixture does by default', async () => {
    ws = await makeWorkspace('people');
    const pool = await ws.write(
      'web.yaml',
      [
        'pool: web',
        'key: id',
        'blocks: [{ name: people, file: people.csv }]',
        'tests:',
        '  - { suite: login.spec.ts, test: login > signs in, find: { where: { status: active } } }',
        '  - { suite: account/profile.spec.ts, test: profile > edit > changes the name, find: { where: { status: active } } }',
        '  - { suite: login.spec.ts, test: not a test of the suite, find: { where: { status: locked } } }',
        '',
      ].join('\n'),
    );
    const step = await runStep('main', { cwd: ws.dir, inputs: inputsFor(ws, pool) });
    expect(step.code, step.stdout).toBe(0);
    expect(step.outputs).toMatchObject({ allocated: '2', failed: '0', missing: '4' });
    const results = await readResultsFile(join(ws.dir, 'results.json'));
    expect(results.entries.map((e) => `${e.suite} / ${e.test}`).sort()).toEqual([
      'account/profile.spec.ts / profile > edit > changes the name',
      'login.spec.ts / login > signs in',
    ]);
    expect(step.summary).toContain(
      '<code>login.spec.ts / shows the home page</code> (any pool; from login.spec.ts:',
    );
    expect(step.summary).toContain('<code>login.spec.ts / login &gt; is locked out</code>');
  });

  it('follows suite-naming: describe and fails on missing tests with fail-on-missing', async () => {
    ws = await makeWorkspace('people');
    const step = await runStep('main', {
      cwd: ws.dir,
      inputs: {
        ...inputsFor(ws, join(ws.dir, 'people.yaml')),
        'suite-naming': 'describe',
        'fail-on-missing': 'true',
      },
    });
    expect(step.code).toBe(1);
    expect(step.outputs).toMatchObject({ allocated: '1', missing: '5' });
    const results = await readResultsFile(join(ws.dir, 'results.json'));
    expect(results.get('people', 'login', 'signs in').values).toHaveLength(1);
    expect(step.stdout).toMatch(/5 tests are not defined in any pool file/);
    expect(step.stdout).toContain('profile > edit / changes the name');
  });

  it('names tests inside anonymous describes as testInfo.titlePath does at run time', async () => {
    ws = await makeWorkspace('people');
    const names = await runTimeNames(ws);
    expect(names).toEqual([
      'anonymous.spec.ts / basket > adds an item',
      'anonymous.spec.ts / keeps its own title',
    ]);
    const tests = names.map((name) => {
      const [suite, test] = name.split(' / ');
      return `  - { suite: ${suite}, test: ${test}, find: { where: { status: active } } }`;
    });
    const pool = await ws.write(
      'web.yaml',
      [
        'pool: web',
        'key: id',
        'blocks: [{ name: people, file: people.csv }]',
        'tests:',
        ...tests,
        '',
      ].join('\n'),
    );
    const step = await runStep('main', { cwd: ws.dir, inputs: inputsFor(ws, pool) });
    expect(step.code, step.stdout).toBe(0);
    expect(step.outputs).toMatchObject({ allocated: '2', failed: '0' });
    const results = await readResultsFile(join(ws.dir, 'results.json'));
    expect(results.entries.map((e) => `${e.suite} / ${e.test}`).sort()).toEqual(names);
  });

  it('fails with the command output when the list command fails', async () => {
    ws = await makeWorkspace('people');
    const step = await runStep('main', {
      cwd: ws.dir,
      inputs: {
        ...inputsFor(ws, join(ws.dir, 'people.yaml')),
        'playwright-command': 'npx playwright test --list --reporter=json --project=nope',
      },
    });
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(/::error::.*nope/);
    expect(step.state).toEqual({});
  });
});
