import { DocumentStore, type Store } from '@allot/core';
import { LowdbPersistence, type LowdbOptions } from './lowdb-persistence.js';

/**
 * The embedded default store in a data directory (created when missing).
 * Fails with STORE_LOCKED when another process has the directory open, and
 * with STORE_CORRUPT when its file cannot be parsed.
 */
export async function openLowdbStore(dataDir: string, options: LowdbOptions = {}): Promise<Store> {
  const persistence = await LowdbPersistence.open(dataDir, options);
  return DocumentStore.open(persistence);
}
