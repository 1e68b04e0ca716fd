/**
 * @allot/stores: opens whichever store a `--store` value names, and its
 * work queue: the one place that knows both adapters.
 */
export { openStore } from './open-store.js';
export { openWorkQueue } from './open-work-queue.js';
