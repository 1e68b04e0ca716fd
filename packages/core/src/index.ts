/**
 * @allot/core: the allocation engine, data blocks, pool files, the Store
 * interface and the in-memory document store; no file or network I/O of stores.
 * Knows nothing of HTTP, CLIs or test frameworks.
 *
 * The public API is the explicit named exports of one entry file per area
 * under `public/`; this index only gathers the areas, so each name is
 * listed once (two areas exporting one name fail the build).
 */
export * from './public/model.js';
export * from './public/data-blocks.js';
export * from './public/store.js';
export * from './public/records.js';
export * from './public/engine.js';
export * from './public/coverage.js';
export * from './public/synth.js';
export * from './public/webhooks.js';
export * from './public/assembly.js';
export * from './public/querying.js';
