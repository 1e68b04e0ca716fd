import type { Make, Where } from '../model.js';

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
}

export interface RawTest {
  suite: string;
  test: string;
  find: RawFind;
  make?: Make;
  count?: number;
  columns?: string[];
  consume?: boolean;
  readOnly?: boolean;
}

export interface RawPool {
  $schema?: string;
  pool: string;
  description?: string;
  key: string;
  blocks: RawBlock[];
  secrets?: string[];
  tests: RawTest[];
}
