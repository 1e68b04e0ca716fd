import type pg from 'pg';
import type { SqlOperation, SqlTexts } from './sql-files.js';

/** A pool or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * Runs the store's SQL files as named prepared statements: each connection
 * parses and plans an operation once, then only binds parameters.
 */
export class SqlRunner {
  readonly #texts: SqlTexts;

  constructor(texts: SqlTexts) {
    this.#texts = texts;
  }

  /** The text of an operation, for one whose statement is completed per call. */
  text(operation: SqlOperation): string {
    return this.#texts[operation];
  }

  run<R extends pg.QueryResultRow>(
    db: Queryable,
    operation: SqlOperation,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return db.query<R>({ name: `allot.${operation}`, text: this.#texts[operation], values });
  }
}
