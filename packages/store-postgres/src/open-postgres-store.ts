import type { Store } from '@allot/core';
import pg from 'pg';
import { migrate, quoteIdent } from './migrate.js';
import { PostgresStore } from './postgres-store.js';
import { loadSqlTexts } from './sql-files.js';
import { SqlRunner } from './sql-runner.js';
import { parseStoreUrl } from './store-url.js';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** Connections in the pool; default 10. */
  poolSize?: number;
  /**
   * The schema holding the store's tables, created when missing; default the
   * URL's `schema` parameter, else `allot`.
   */
  schema?: string;
  /**
   * Let the engine gather each find's free rows, with their values, with
   * SQL over the stored rows instead of reading the whole block and scanning
   * it in memory; default true. `false` takes `gatherCandidates` off the
   * store, so every job reads its blocks. Either way, finds that do not
   * compile to SQL (date ranges) and versions whose rows this process holds
   * already are scanned in memory (see the package README).
   */
  gatherInSql?: boolean;
}

const INT8 = 20;

/**
 * Job and audit ids are bigint in the database and numbers in the model;
 * they stay far below 2^53. Set on this pool only, not on `pg` globally.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Opens the PostgreSQL store at a `postgres://` URL (`?schema=name` picks
 * the schema): applies pending
 * migrations (several replicas may start at once), then returns a store
 * over a connection pool whose connections use the store's schema.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const { connectionString, schema: named } = parseStoreUrl(url);
  const schema = options.schema ?? named ?? 'allot';
  const searchPath = quoteIdent(schema);
  const texts = await loadSqlTexts();
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    options: `-c search_path=${searchPath}`,
    types,
  });
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool, new SqlRunner(texts), {
    gatherInSql: options.gatherInSql ?? true,
  });
}

/** Whether a `--store` value names a PostgreSQL database rather than a directory. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}
