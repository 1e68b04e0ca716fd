import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstalledServe, type InstalledServe } from './support/installed-serve.js';
import { isInside, linksInto } from './support/links-into.js';
import { packPublicPackages, type PackedPackage } from './support/pack-packages.js';
import { repoRoot } from './support/paths.js';
import { outputOf, runCommand, type CommandResult } from './support/run-command.js';
import { brokenSourceMaps } from './support/source-maps.js';
import { installUserProject } from './support/user-project.js';

/** Packing ten packages and one npm install (from npm's cache once it is warm). */
const SETUP_TIMEOUT_MS = 300_000;
/** One command in the installed project (a few seconds on an idle machine; CI machines are shared). */
const RUN_TIMEOUT_MS = 120_000;
/** A test: a command or two, or the server's start, an upload and a Playwright run. */
const TEST_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS;

/** The tests of the project's pool file, by runner: suite, then test. */
const PLAYWRIGHT_TESTS = [1, 2, 3, 4].map((n) => `signs in ${n}`);
const CUCUMBER_TESTS = ['an active person signs in', 'a locked person is refused'];
const JEST_TESTS = ['changes the password', 'unlocks the account'];

let root: string;
let projectDir: string;
let packed: PackedPackage[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'allot-install-'));
  projectDir = join(root, 'project');
  await mkdir(join(root, 'packs'));
  packed = await packPublicPackages(join(root, 'packs'));
  await installUserProject(projectDir, packed);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true, maxRetries: 3 });
});

/**
 * Runs `npx <args>` in the project, as the user types it. `npm_config_yes=false`
 * (npx's `--no`, which would take the command's own options for npx's) makes
 * a missing bin an error instead of a download of some registry package.
 */
const npx = (args: string[], env: Record<string, string> = {}): Promise<CommandResult> =>
  runCommand('npx', args, {
    cwd: projectDir,
    env: { npm_config_yes: 'false', ...env },
    timeoutMs: RUN_TIMEOUT_MS,
  });

/** The JSON lines a run's tests appended to `name` in the project. */
async function rowsWritten(name: string): Promise<{ id: string; source?: string }[]> {
  const text = await readFile(join(projectDir, name), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; source?: string });
}

/** The id of the row each of `tests` of `suite` got in the project's results file. */
async function idsInResultsFile(suite: string, tests: string[]): Promise<string[]> {
  const file = JSON.parse(await readFile(join(projectDir, 'allot-results.json'), 'utf8')) as {
    results: { suite: string; test: string; values: { id: string }[] }[];
  };
  return tests.map((test) => {
    const entry = file.results.find((result) => result.suite === suite && result.test === test);
    return entry?.values[0]?.id ?? `(no row for ${suite} / ${test})`;
  });
}

const installed = (name: string) => join(projectDir, 'node_modules', ...name.split('/'));

describe('the packages, packed and installed with npm outside the workspace', () => {
  it('packs every public package, those with workspace test helpers included', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@allot/cli',
        '@allot/client',
        '@allot/core',
        '@allot/cucumber',
        '@allot/jest-environment',
        '@allot/playwright',
        '@allot/protocol',
        '@allot/server',
        '@allot/store-lowdb',
        '@allot/store-postgres',
        '@allot/stores',
        '@allot/use-cases',
      ]),
    );
  });

  it('installs them in a project with no path back into the repository', async () => {
    expect(isInside(projectDir, repoRoot)).toBe(false);
    expect(await linksInto(projectDir, repoRoot)).toEqual([]);
    for (const pkg of packed) {
      const dir = await realpath(installed(pkg.name));
      expect(isInside(dir, projectDir), `${pkg.name} resolves to ${dir}`).toBe(true);
      const manifest = await readFile(join(dir, 'package.json'), 'utf8');
      expect(manifest, `${pkg.name}'s installed package.json`).not.toContain('workspace:');
      expect((JSON.parse(manifest) as { version: string }).version).toBe(pkg.version);
    }
  });

  it('gives each package its metadata, the sources its maps name, and an install line first in its README', async () => {
    for (const pkg of packed) {
      const dir = installed(pkg.name);
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest, pkg.name).toMatchObject({
        license: 'MIT',
        repository: { type: 'git', directory: relative(repoRoot, pkg.dir) },
        engines: { node: '>=20.19' },
        types: './dist/index.d.ts',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      });
      expect(existsSync(join(dir, 'LICENSE')), `${pkg.name} LICENSE`).toBe(true);
      const files = await readdir(dir, { recursive: true });
      expect(
        files.filter((file) => /\.test\.ts$|tsbuildinfo/.test(file)),
        pkg.name,
      ).toEqual([]);
      expect(await brokenSourceMaps(dir)).toEqual([]);

      // The title, then the command that installs it.
      const readme = await readFile(join(dir, 'README.md'), 'utf8');
      const [title, fence, command] = readme.split('\n').filter((line) => line.trim() !== '');
      expect(title, `${pkg.name} README`).toMatch(/^# /);
      expect(fence, `${pkg.name} README`).toBe('```sh');
      expect(command, `${pkg.name} README`).toMatch(/^npm i(nstall)? /);
      expect(command?.split(/\s+/), `${pkg.name} README`).toContain(pkg.name);
    }
  });
});

describe('the installed packages, used as a user would', { timeout: TEST_TIMEOUT_MS }, () => {
  it('npx allot prints the version of the installed CLI', async () => {
    const cli = packed.find((pkg) => pkg.name === '@allot/cli');
    const result = await npx(['allot', '--version']);
    expect(result.code, outputOf(result)).toBe(0);
    expect(result.stdout.trim()).toBe(cli?.version);
  });

  it('npx allot run allocates the pool and writes the results file', async () => {
    const result = await npx([
      'allot',
      'run',
      'pools/people.yaml',
      '--results',
      'allot-results.json',
    ]);
    expect(result.code, outputOf(result)).toBe(0);
    expect(result.stdout).toContain('8 allocated, 0 made, 0 reused, 0 failed');
    const ids = [
      ...(await idsInResultsFile('people.spec.js', PLAYWRIGHT_TESTS)),
      ...(await idsInResultsFile('Sign in', CUCUMBER_TESTS)),
      ...(await idsInResultsFile('account', JEST_TESTS)),
    ];
    expect(
      ids.every((id) => /^P-\d\d$/.test(id)),
      ids.join(),
    ).toBe(true);
    expect(new Set(ids).size).toBe(8);
  });

  it('a Playwright spec reads its testData from the results file on 2 workers', async () => {
    const result = await npx(['playwright', 'test'], { ALLOT_RESULTS_FILE: 'allot-results.json' });
    expect(result.code, outputOf(result)).toBe(0);
    const report = JSON.parse(
      await readFile(join(projectDir, 'playwright-report.json'), 'utf8'),
    ) as {
      config: { workers: number };
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    };
    expect(report.config.workers).toBe(2);
    expect(report.stats).toMatchObject({ expected: 4, unexpected: 0, skipped: 0, flaky: 0 });
    const rows = await rowsWritten('playwright-rows.jsonl');
    expect(rows.map((row) => row.source)).toEqual(
      Array(4).fill(expect.stringContaining('results file')),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(
      (await idsInResultsFile('people.spec.js', PLAYWRIGHT_TESTS)).sort(),
    );
  });

  it('a Cucumber feature with @allot/cucumber passes with --parallel 2', async () => {
    const result = await npx(
      [
        'cucumber-js',
        '--import',
        'features/support/*.js',
        '--parallel',
        '2',
        '--format',
        'summary',
      ],
      { ALLOT_RESULTS_FILE: 'allot-results.json' },
    );
    expect(result.code, outputOf(result)).toBe(0);
    expect(result.stdout).toContain('2 scenarios (2 passed)');
    const ids = (await rowsWritten('cucumber-rows.jsonl')).map((row) => row.id);
    expect(ids.sort()).toEqual((await idsInResultsFile('Sign in', CUCUMBER_TESTS)).sort());
  });

  it('a Jest test of an ES module project gets its values from @allot/jest-environment', async () => {
    const result = await npx(['jest'], {
      ALLOT_RESULTS_FILE: 'allot-results.json',
      // Jest's own requirement for test files that are ES modules.
      NODE_OPTIONS: '--experimental-vm-modules',
    });
    expect(result.code, outputOf(result)).toBe(0);
    expect(result.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    const ids = (await rowsWritten('jest-rows.jsonl')).map((row) => row.id);
    expect(ids).toEqual(await idsInResultsFile('account', JEST_TESTS));
  });
});

describe(
  'allot serve from the installed CLI, and on-demand allocation',
  { timeout: TEST_TIMEOUT_MS },
  () => {
    let server: InstalledServe | undefined;
    afterAll(async () => {
      await server?.stop();
    }, RUN_TIMEOUT_MS);

    it('a Playwright run with no results file allocates each test from the server', async () => {
      server = await startInstalledServe(projectDir);
      const env = { ALLOT_SERVER_URL: server.url, ALLOT_API_KEY: server.apiKey };
      const upload = await runCommand('node', ['upload.js'], {
        cwd: projectDir,
        env,
        timeoutMs: RUN_TIMEOUT_MS,
      });
      expect(upload.code, outputOf(upload)).toBe(0);
      expect(upload.stdout).toContain('uploaded pool "people" (8 tests)');

      await rm(join(projectDir, 'playwright-rows.jsonl'));
      const result = await npx(['playwright', 'test'], env);
      expect(result.code, outputOf(result)).toBe(0);
      const rows = await rowsWritten('playwright-rows.jsonl');
      expect(rows.map((row) => row.source)).toEqual(Array(4).fill(`server ${server.url}`));
      const ids = rows.map((row) => row.id);
      expect(
        ids.every((id) => /^P-\d\d$/.test(id)),
        ids.join(),
      ).toBe(true);
      expect(new Set(ids).size).toBe(4);
    });
  },
);
