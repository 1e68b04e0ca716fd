import { MemoryPersistence } from './document-persistence.js';
import { DocumentStore } from './document-store.js';
import type { Store } from './store.js';

/** A store in memory, gone when the process ends: for tests and dry runs. */
export function openMemoryStore(): Promise<Store> {
  return DocumentStore.open(new MemoryPersistence());
}
