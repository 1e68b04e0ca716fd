import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemoryStore, type Store } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', openMemoryStore);

describeStoreContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'allot-contract-'));
  const store = await openLowdbStore(dir);
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  }) as Store;
});
