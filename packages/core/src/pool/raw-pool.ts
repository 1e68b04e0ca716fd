import type {
  Generator,
  Quota,
  SqlQuery,
  Teardown,
  TopUp,
  Where,
} from '../model/pool-definition.js';

/*
 * The shape of a pool document once it matches the pool schema, before
 * defaults and shorthands are normalized into a PoolDefinition.
 */

export type RawBlock = string | { name: string; file?: string };

export type RawOrderBy = string | { column: string; direction?: 'asc' | 'desc' };

export interface RawFind {
  from?: string;
  where?: Where;
  order?: string | RawOrderBy[];
  query?: SqlQuery;
}

/** A make before it is told apart: `columns` for a data block, `insert` for a resolution server. */
export interface RawMake {
  block?: string;
  seed?: number | string;
  columns?: Record<string, Generator>;
  insert?: string;
  params?: Record<string, Generator>;
  teardown?: Teardown;
  keep?: boolean;
  quota?: Quota;
}

export interface RawTest {
  suite: string;
  test: string;
  find: RawFind;
  make?: RawMake;
  count?: number;
  columns?: string[];
  consume?: boolean;
  readOnly?: boolean;
  topUp?: TopUp;
}

export interface RawPool {
  $schema?: string;
  pool: string;
  description?: string;
  key: string;
  blocks?: RawBlock[];
  secrets?: string[];
  tests: RawTest[];
}
