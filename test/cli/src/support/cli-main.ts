import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built `allot` command (the bin of `@allot/cli`), run with node as its
 * shebang would: pnpm links a workspace package's bin only when the file
 * exists at install time, and a fresh clone builds after installing.
 */
export const cliMain = join(
  resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..'),
  'packages',
  'cli',
  'dist',
  'main.js',
);
