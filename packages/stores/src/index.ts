/**
 * @allot/stores: opens whichever store a `--store` value names, the one
 * place that knows both adapters.
 */
export { openStore } from './open-store.js';
