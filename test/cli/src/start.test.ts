import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliMain as bin } from './support/cli-main.js';

const exec = promisify(execFile);

/** A module resolve hook that names every module the process loads, on stderr. */
const HOOKS = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('loaded ' + result.url + '\\n');
  return result;
}
`;

// How fast is measured by bench/cli-start.mjs; this checks why: what the flags load.
describe('allot --version and --help', () => {
  let dir: string;
  let register: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-start-'));
    const hooks = join(dir, 'hooks.mjs');
    await writeFile(hooks, HOOKS);
    register = `data:text/javascript,import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function loadedBy(...args: string[]): Promise<{ stdout: string; modules: string[] }> {
    const env = { ...process.env };
    delete env['ALLOT_DATA_DIR'];
    const run = await exec(process.execPath, ['--import', register, bin, ...args], { env });
    const modules = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .map((line) => line.slice('loaded '.length));
    return { stdout: run.stdout, modules };
  }

  const heavy = (modules: string[]) =>
    modules.filter((url) =>
      /\/packages\/(core|server|stores|store-postgres|store-lowdb)\/|\/node_modules\/.*\/(fastify|pg|yaml|ajv|@faker-js)\//.test(
        url,
      ),
    );

  it('--version loads nothing but the entry', async () => {
    const { stdout, modules } = await loadedBy('--version');
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(
      modules.filter((url) => url.startsWith('file:')).map((url) => url.replace(/.*\/dist\//, '')),
    ).toEqual(['main.js', 'version.js']);
  });

  it('--help loads nothing but the entry and its text', async () => {
    const { stdout, modules } = await loadedBy('--help');
    expect(stdout).toMatch(/Commands:[\s\S]*keys/);
    expect(
      modules.filter((url) => url.startsWith('file:')).map((url) => url.replace(/.*\/dist\//, '')),
    ).toEqual(['main.js', 'version.js', 'help-text.js']);
  });

  it("--help prints commander's help (else: pnpm --filter @allot/cli help-text)", async () => {
    const commander = await loadedBy('help');
    expect(commander.modules.some((url) => url.endsWith('/commands/run.js'))).toBe(true);
    expect(heavy(commander.modules)).toEqual([]);
    expect((await loadedBy('--help')).stdout).toBe(commander.stdout);
    expect((await loadedBy('-h')).stdout).toBe(commander.stdout);
  });

  it('--version prints what commander prints for it', async () => {
    const { stdout } = await loadedBy('--version');
    // With a second argument the fast path steps aside and commander answers.
    expect((await loadedBy('--version', '--data-dir', dir)).stdout).toBe(stdout);
  });

  it('a command loads what it needs when it runs', async () => {
    const { modules } = await loadedBy('jobs', '--data-dir', join(dir, 'store'));
    expect(modules.some((url) => url.endsWith('/commands/jobs-action.js'))).toBe(true);
    expect(modules.some((url) => url.includes('/packages/core/'))).toBe(true);
    expect(modules.some((url) => url.endsWith('/commands/run-action.js'))).toBe(false);
  });
});
