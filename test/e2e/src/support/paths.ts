import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package: test/e2e. */
export const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository root, the runner's workspace in these tests. */
export const repoRoot = resolve(e2eDir, '..', '..');

/**
 * The user's repository: test/playwright's project (playwright.config.ts,
 * tests/, allot/pool.yaml and its CSV), relative to {@link repoRoot}.
 */
export const projectPath = join('test', 'playwright');
export const projectDir = join(repoRoot, projectPath);

/** The GitHub Action's committed bundle, as the runner starts it. */
export const actionEntries = {
  main: join(repoRoot, 'packages', 'github-action', 'dist', 'index.js'),
  post: join(repoRoot, 'packages', 'github-action', 'dist', 'post.js'),
};

/**
 * The built `allot` command, run with node: pnpm links a workspace package's
 * bin only when the file exists at install time, and a fresh clone builds
 * after installing.
 */
export const cliMain = join(repoRoot, 'packages', 'cli', 'dist', 'main.js');
