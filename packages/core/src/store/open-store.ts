import { MemoryPersistence } from './document-persistence.js';
import { DocumentStore } from './document-store.js';
import { LowdbPersistence, type LowdbOptions } from './lowdb-persistence.js';
import type { Store } from './store.js';

/** A store in memory, gone when the process ends: for tests and dry runs. */
export function openMemoryStore(): Promise<Store> {
  return DocumentStore.open(new MemoryPersistence());
}

/**
 * The embedded default store in a data directory (created when missing).
 * Fails with STORE_LOCKED when another process has the directory open, and
 * with STORE_CORRUPT when its file cannot be parsed.
 */
export async function openLowdbStore(dataDir: string, options: LowdbOptions = {}): Promise<Store> {
  const persistence = await LowdbPersistence.open(dataDir, options);
  return DocumentStore.open(persistence);
}
