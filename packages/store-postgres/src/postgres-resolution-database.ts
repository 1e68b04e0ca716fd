import {
  AllotError,
  type ResolutionDatabase,
  type SqlStatement,
  type Table,
  type Value,
} from '@allot/core';
import pg from 'pg';
import { toPositional } from './named-parameters.js';

/** Options of {@link PostgresResolutionDatabase}. */
export interface ResolutionDatabaseOptions {
  /** Longest a find's query or a make's insert may run; default 10 s. */
  statementTimeoutMs?: number;
  /** Connections in the pool; default 4. */
  poolSize?: number;
  /** Registered read-write: teardown statements may run; default false. */
  readWrite?: boolean;
}

/**
 * A registered PostgreSQL database of the application under test. Finds run
 * in READ ONLY transactions with a statement timeout; makes run their insert
 * in a transaction of their own. Values are always bound, never interpolated.
 */
export class PostgresResolutionDatabase implements ResolutionDatabase {
  readonly name: string;
  readonly readWrite: boolean;
  readonly #pool: pg.Pool;
  readonly #timeoutMs: number;

  /** @param url - the connection string; kept here only, never reported back */
  constructor(name: string, url: string, options: ResolutionDatabaseOptions = {}) {
    this.name = name;
    this.readWrite = options.readWrite ?? false;
    this.#pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 4 });
    // An idle connection that drops (database restart) must not crash the process.
    this.#pool.on('error', () => undefined);
    this.#timeoutMs = options.statementTimeoutMs ?? 10_000;
  }

  query(statement: SqlStatement): Promise<Table> {
    return this.#run('BEGIN READ ONLY', statement);
  }

  insert(statement: SqlStatement): Promise<Table> {
    return this.#run('BEGIN', statement);
  }

  /** Opens a connection if none is idle and gives it back to the pool, idle. */
  async ready(): Promise<void> {
    const client = await this.#pool.connect();
    client.release();
  }

  /** Runs a teardown's statement; refused unless the server was registered read-write. */
  execute(statement: SqlStatement): Promise<Table> {
    if (!this.readWrite) {
      return Promise.reject(
        new AllotError(
          'INVALID_INPUT',
          `resolution server "${this.name}" is registered read-only: register it with readWrite to run teardown statements`,
        ),
      );
    }
    return this.#run('BEGIN', statement);
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  async #run(begin: string, statement: SqlStatement): Promise<Table> {
    const { text, values } = toPositional(statement.sql, statement.params);
    const client = await this.#pool.connect();
    try {
      await client.query(begin);
      await client.query(
        `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(this.#timeoutMs))}`,
      );
      const result = await client.query({ text, values, rowMode: 'array' });
      await client.query('COMMIT');
      return {
        columns: result.fields.map((f) => f.name),
        rows: (result.rows as unknown[][]).map((row) => row.map(toValue)),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Rows reach tests as JSON: dates become ISO strings, other objects JSON text. */
function toValue(cell: unknown): Value {
  if (
    cell === null ||
    typeof cell === 'string' ||
    typeof cell === 'number' ||
    typeof cell === 'boolean'
  )
    return cell;
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'bigint') return cell.toString();
  if (Buffer.isBuffer(cell)) return cell.toString('base64');
  return JSON.stringify(cell);
}
