import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The user project copied into a temporary directory: pool, data, specs, features, Jest tests. */
export const projectTemplate = join(repoRoot, 'test', 'install', 'project');
