import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Playwright project: playwright.config.ts, tests/, allot/, app/. */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's pool file and data block. */
export const poolFile = join(projectDir, 'allot', 'pool.yaml');
export const customersCsv = join(projectDir, 'allot', 'customers.csv');

/**
 * The built `allot` command. Run with node rather than through
 * `node_modules/.bin`: pnpm links a workspace package's bin only when the
 * file exists at install time, and a fresh clone builds after installing.
 */
export const cliMain = join(projectDir, '..', '..', 'packages', 'cli', 'dist', 'main.js');

/** The allocation tests of the pool file that the project's tests use (all but the missing one). */
export const ALLOCATED_TESTS = 16;
