import { createRequire } from 'node:module';

/**
 * The server's version, as the OpenAPI document and `/healthz` report it: the
 * package's own, read from its package.json (one level up from both `src/`
 * and `dist/`), so a release's version bump needs no code change.
 */
export const SERVER_VERSION = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
