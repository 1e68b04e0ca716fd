import type { Store } from '@allot/core';
import { openStore } from '@allot/stores';

/**
 * Opens a store for the length of `work` and always closes it: PostgreSQL for
 * a `postgres://` URL, else the embedded store of a data directory.
 */
export async function withStore<T>(spec: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(spec);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
