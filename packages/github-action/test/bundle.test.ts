import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(PACKAGE, 'dist');
const FIX = 'run pnpm --filter @allot/github-action bundle';

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('the committed bundle', () => {
  it('is what the sources bundle into, byte for byte', async () => {
    const out = await mkdtemp(join(tmpdir(), 'allot-action-bundle-'));
    try {
      await promisify(execFile)(process.execPath, [join(PACKAGE, 'scripts/bundle.mjs'), out], {
        cwd: PACKAGE,
      });
      const built = await filesOf(out);
      const committed = await filesOf(DIST);
      expect(committed, `dist/ holds other files than the bundle: ${FIX}`).toEqual(built);
      const stale: string[] = [];
      for (const file of built) {
        const [a, b] = await Promise.all([readFile(join(out, file)), readFile(join(DIST, file))]);
        if (!a.equals(b)) stale.push(file);
      }
      expect(stale, `dist/ does not match the sources (${stale.join(', ')}): ${FIX}`).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('action.yml', () => {
  it('runs the bundle on node24 with a post step that always runs', async () => {
    const action = parse(await readFile(join(PACKAGE, 'action.yml'), 'utf8')) as {
      runs: Record<string, string>;
    };
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      'post-if': 'always()',
    });
  });

  it('documents every input and output in the README', async () => {
    const action = parse(await readFile(join(PACKAGE, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const readme = await readFile(join(PACKAGE, 'README.md'), 'utf8');
    const names = [...Object.keys(action.inputs), ...Object.keys(action.outputs)];
    expect(names.filter((name) => !readme.includes(`| \`${name}\``))).toEqual([]);
  });
});
