/**
 * @allot/stores/work-queue: opens the work queue of whichever store a
 * `--store` value names. An entry of its own, so that what opens only
 * stores (the GitHub Action's bundle) carries none of the queue.
 */
export { openWorkQueue } from './open-work-queue.js';
