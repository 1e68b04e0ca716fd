import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const depcruise = join(
  repo,
  'test',
  'import-rules',
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
);

/** A package of the throw-away workspace: its folder, npm name and source files. */
interface FixturePackage {
  folder: string;
  name: string;
  files: Record<string, string>;
}

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes a workspace of `packages` with the repository's rule files, as pnpm lays one out. */
async function workspace(packages: readonly FixturePackage[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'allot-import-rules-'));
  scratch.push(root);
  for (const file of ['.dependency-cruiser.mjs', '.dependency-cruiser-resolve.mjs']) {
    await copyFile(join(repo, file), join(root, file));
  }
  await writeFile(
    join(root, 'tsconfig.check.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
      include: ['packages/*/src/**/*.ts'],
    }),
  );
  for (const p of packages) {
    const dir = join(root, 'packages', p.folder);
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({
        name: p.name,
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      }),
    );
    for (const [file, text] of Object.entries(p.files)) {
      await mkdir(dirname(join(dir, 'src', file)), { recursive: true });
      await writeFile(join(dir, 'src', file), text);
    }
  }
  return root;
}

/** Runs the rules the way `pnpm lint:imports` does; resolves with the exit code and output. */
function check(root: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [depcruise, '--config', '.dependency-cruiser.mjs', 'packages'],
      { cwd: root },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

const core: FixturePackage = {
  folder: 'core',
  name: '@allot/core',
  files: {
    'index.ts': "export { rows } from './rows.js';\n",
    'rows.ts': 'export const rows = (): number => 1;\n',
  },
};
const client: FixturePackage = {
  folder: 'client',
  name: '@allot/client',
  files: { 'index.ts': 'export const fetchRows = (): number => 2;\n' },
};
const cucumber = (index: string): FixturePackage => ({
  folder: 'cucumber-steps',
  name: '@allot/cucumber',
  files: { 'index.ts': index },
});
const storeLowdb = (index: string): FixturePackage => ({
  folder: 'store-lowdb',
  name: '@allot/store-lowdb',
  files: { 'index.ts': index },
});

describe('the import rules', { timeout: 120_000 }, () => {
  it('pass a workspace whose packages import what their layer allows, by public entry', async () => {
    const root = await workspace([
      core,
      client,
      cucumber("import { fetchRows } from '@allot/client';\nexport const steps = fetchRows;\n"),
      storeLowdb("import { rows } from '@allot/core';\nexport const store = rows;\n"),
    ]);
    const { code, output } = await check(root);
    expect(output).toMatch(/no dependency violations found/);
    expect(code).toBe(0);
  });

  it('fail a test-framework package that imports the engine', async () => {
    const root = await workspace([
      core,
      client,
      cucumber("import { rows } from '@allot/core';\nexport const steps = rows;\n"),
    ]);
    const { code, output } = await check(root);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /error layer-cucumber-steps: packages\/cucumber-steps\/src\/index\.ts → packages\/core\/src\/index\.ts/,
    );
  });

  it("fail an import of another package's src/ internals, even from a layer that may use it", async () => {
    const root = await workspace([
      core,
      storeLowdb("import { rows } from '../../core/src/rows.js';\nexport const store = rows;\n"),
    ]);
    const { code, output } = await check(root);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /error no-internals: packages\/store-lowdb\/src\/index\.ts → packages\/core\/src\/rows\.ts/,
    );
    expect(output).not.toMatch(/layer-store-lowdb/);
  });

  it('fail a deep package path, which resolves to nothing', async () => {
    const root = await workspace([
      core,
      storeLowdb("import { rows } from '@allot/core/src/rows.js';\nexport const store = rows;\n"),
    ]);
    const { code, output } = await check(root);
    expect(code).not.toBe(0);
    expect(output).toMatch(/error no-unresolved-workspace-import: .*@allot\/core\/src\/rows\.js/);
  });

  it('fail a cycle of value imports, and let a type-only import point back', async () => {
    const typeOnly = await workspace([
      {
        ...core,
        files: {
          'index.ts':
            "import type { B } from './b.js';\nexport type A = { b?: B };\nexport { b } from './b.js';\n",
          'b.ts':
            "import type { A } from './index.js';\nexport type B = { a?: A };\nexport const b = 1;\n",
        },
      },
    ]);
    expect((await check(typeOnly)).code).toBe(0);
    const values = await workspace([
      {
        ...core,
        files: {
          'index.ts': "import { b } from './b.js';\nexport const a = (): number => b + 1;\n",
          'b.ts':
            "import { a } from './index.js';\nexport const b = 1;\nexport const c = (): number => a();\n",
        },
      },
    ]);
    const { code, output } = await check(values);
    expect(code).not.toBe(0);
    expect(output).toMatch(/error no-cycles: packages\/core\/src\/(index|b)\.ts/);
  });

  it('refuse a package that has no place in the layers', async () => {
    const root = await workspace([
      core,
      { folder: 'reports', name: '@allot/reports', files: { 'index.ts': 'export const r = 1;\n' } },
    ]);
    const { code, output } = await check(root);
    expect(code).not.toBe(0);
    expect(output).toMatch(/give packages\/reports a row in LAYERS/);
  });
});
