import type pg from 'pg';
import { toPositional } from './named-parameters.js';
import type { SqlOperation, SqlTexts } from './sql-files.js';

/** A pool or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** An operation's values, by the names of its `:name` parameters. */
export type SqlValues = Readonly<Record<string, unknown>>;

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

  /**
   * Runs an operation with its values by name, so a value given under the
   * wrong name or left out fails before the statement is sent, whatever the
   * order of the object's keys.
   */
  run<R extends pg.QueryResultRow>(
    db: Queryable,
    operation: SqlOperation,
    values: SqlValues,
  ): Promise<pg.QueryResult<R>> {
    // The same text on every call, so each connection still prepares the statement once.
    const statement = toPositional(this.#texts[operation], values);
    return db.query<R>({
      name: `allot.${operation}`,
      text: statement.text,
      values: statement.values,
    });
  }
}
