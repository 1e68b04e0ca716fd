import { createRequire } from 'node:module';

/**
 * The CLI's version, as `allot --version` prints it: the package's own, read
 * from its package.json (one level up from both `src/` and `dist/`), so a
 * release's version bump needs no code change.
 */
export const CLI_VERSION = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
