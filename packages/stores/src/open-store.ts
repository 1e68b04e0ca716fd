import type { Store } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';
import { isPostgresUrl, openPostgresStore, type PostgresStoreOptions } from '@allot/store-postgres';

/**
 * The store a `--store` option or `ALLOT_STORE` names: a `postgres://` or
 * `postgresql://` URL opens the PostgreSQL store, anything else is the data
 * directory of the embedded lowdb store.
 */
export function openStore(spec: string, options: PostgresStoreOptions = {}): Promise<Store> {
  return isPostgresUrl(spec) ? openPostgresStore(spec, options) : openLowdbStore(spec);
}
