import type pg from 'pg';
import { storeFailure } from './pg-errors.js';

/** What a transaction is called in its errors, and how it names its own failures. */
export interface TransactionOptions {
  /** The operation, as in "the postgres store could not <what>". */
  what: string;
  /** Turns a failure of `work` into allot's error, before it is wrapped as a store failure. */
  mapError?: (error: unknown) => unknown;
}

/** Runs `work` in one transaction on a client of `pool`: all of it is committed, or none. */
export async function runInTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const { what, mapError = (error: unknown) => error } = options;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storeFailure(error, what);
  }
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A connection that cannot roll back leaves the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw storeFailure(mapError(error), what);
  } finally {
    client.release(broken);
  }
}
