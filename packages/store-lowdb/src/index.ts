/**
 * @allot/store-lowdb: allot's embedded store, one process over a data
 * directory (a lowdb JSON snapshot, its journal and a lock file).
 */
export { openLowdbStore } from './open-lowdb-store.js';
export { LowdbPersistence, STORE_FILE } from './lowdb-persistence.js';
export type { LowdbOptions } from './lowdb-persistence.js';
export { openLowdbWorkQueue, QUEUE_FILE } from './open-lowdb-work-queue.js';
