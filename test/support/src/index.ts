export { startSeededServer } from './seeded-server.js';
export type { SeededServer, SeededServerOptions } from './seeded-server.js';
