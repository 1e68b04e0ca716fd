import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);

/** Names every module an `import` resolves, on stderr. */
const HOOKS = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('loaded ' + result.url + '\\n');
  return result;
}
`;

/**
 * Imports core, runs the given code, then names every CommonJS module in the
 * process (a `require` never reaches the import hook).
 */
const script = (code: string) => `
import { createRequire } from 'node:module';
const core = await import('@allot/core');
${code}
for (const file of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write('loaded ' + file + '\\n');
`;

const HEAVY = /@faker-js|@odata\/parser|\/ajv(-formats)?\/|\/yaml\/|fast-xml-parser|sql\.js/;

// Every CLI command imports core: the libraries only some commands use are loaded when first used.
describe('importing @allot/core', () => {
  let dir: string;
  let register: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-core-modules-'));
    const hooks = join(dir, 'hooks.mjs');
    await writeFile(hooks, HOOKS);
    register = `data:text/javascript,import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The modules a new process loads for the code, run after importing core. */
  async function loadedBy(code: string): Promise<string[]> {
    const run = await exec(
      process.execPath,
      ['--import', register, '--input-type=module', '-e', script(code)],
      // This package depends on @allot/core: resolve it from here, as a user's project does.
      { cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
    return run.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .map((line) => line.slice('loaded '.length));
  }

  it('loads no faker, OData parser, ajv, yaml, XML parser or SQLite', async () => {
    const modules = await loadedBy('');
    expect(modules.some((file) => file.includes('/packages/core/'))).toBe(true);
    expect(modules.filter((file) => HEAVY.test(file))).toEqual([]);
  });

  it('loads each on first use, and English faker without every locale', async () => {
    // The sample pool's make has faker templates, checked when the file is read.
    const pool = fileURLToPath(new URL('../../../examples/pools/shop.yaml', import.meta.url));
    const modules = await loadedBy(`
      core.compileODataFilter("status eq 'active'", ['status']);
      const { readFileSync } = await import('node:fs');
      core.parsePoolSource(readFileSync(${JSON.stringify(pool)}, 'utf8'), 'shop.yaml');
    `);
    expect(modules.some((file) => file.includes('/@odata/parser/'))).toBe(true);
    expect(modules.some((file) => file.includes('/yaml/'))).toBe(true);
    expect(modules.some((file) => /@faker-js\/faker\/dist\/locale\/en\.c?js$/.test(file))).toBe(
      true,
    );
    // faker's main entry builds all its locales: the English entry is enough here.
    expect(modules.some((file) => /@faker-js\/faker\/dist\/index\.c?js$/.test(file))).toBe(false);
  });
});
