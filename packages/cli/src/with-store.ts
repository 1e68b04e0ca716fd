import { resolve } from 'node:path';
import { openLowdbStore, type Store } from '@allot/core';

/** Opens the embedded store of a data directory for the length of `work`, and always closes it. */
export async function withStore<T>(
  dataDir: string,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openLowdbStore(resolve(dataDir));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
