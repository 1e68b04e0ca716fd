import type pg from 'pg';
import { storeFailure } from './pg-errors.js';
import type { SqlOperation } from './sql-files.js';
import type { SqlRunner, SqlValues } from './sql-runner.js';

/**
 * The store's pool with its SQL operations: runs one statement or one read
 * outside a transaction, naming what the store could not do when it fails.
 */
export class PoolQueries {
  /** The store's pool, for an operation that maps its own errors. */
  readonly pool: pg.Pool;
  readonly sql: SqlRunner;

  /** Wraps the store's pool and SQL operations; the store keeps owning and closing the pool. */
  constructor(pool: pg.Pool, sql: SqlRunner) {
    this.pool = pool;
    this.sql = sql;
  }

  /** Runs one operation; a failure becomes STORE_FAILURE "could not <what>". */
  async query<R extends pg.QueryResultRow>(
    what: string,
    operation: SqlOperation,
    values: SqlValues,
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.sql.run<R>(this.pool, operation, values);
    } catch (error) {
      throw storeFailure(error, what);
    }
  }

  /** Runs a read of several statements on the pool, with the same failure naming. */
  async read<T>(what: string, read: (db: pg.Pool) => Promise<T>): Promise<T> {
    try {
      return await read(this.pool);
    } catch (error) {
      throw storeFailure(error, what);
    }
  }
}
