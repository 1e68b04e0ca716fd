import type { Table, Value } from '../model/block-version.js';

/** A statement with named parameters (`:name`) and their values. */
export interface SqlStatement {
  sql: string;
  params: Record<string, Value>;
}

/**
 * A registered database of the application under test, where SQL finds
 * query and makes insert. The server wraps one in a named resolution server
 * (the `{servername}` of the vendor execute route); the built-in `local`
 * server is the store's data blocks and needs none.
 */
export interface ResolutionDatabase {
  readonly name: string;
  /** Runs a find's query in a read-only transaction with a statement timeout. */
  query(statement: SqlStatement): Promise<Table>;
  /** Runs a make's `INSERT … RETURNING` in a transaction of its own. */
  insert(statement: SqlStatement): Promise<Table>;
  /**
   * Optional: has a connection open and idle, so an insert made next starts
   * at once. A make calls it before it waits for its quota: the time to
   * connect then falls before the grant, not between the grant and the
   * insert, where it could carry the insert into the next quota window.
   */
  ready?(): Promise<void>;
  /** True when the server was registered read-write: only then do teardown statements run on it. */
  readonly readWrite?: boolean;
  /** Runs a teardown's statement in a transaction of its own; read-write servers only. */
  execute?(statement: SqlStatement): Promise<Table>;
}

/** The block name under which rows of a resolution server are leased. */
export function serverBlock(server: string): string {
  return `@${server}`;
}
