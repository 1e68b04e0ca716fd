/**
 * Pool definitions: the finds, makes and allocation tests a pool file
 * declares. Plain data only: every type here can be stored as JSON.
 */
import type { Value } from './block-version.js';

/** A comparison on one column. Several operators in one condition must all hold. */
export interface ColumnCondition {
  eq?: Value;
  ne?: Value;
  in?: Value[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  isNull?: boolean;
  not?: ColumnCondition;
}

/**
 * A declarative filter: keys are column names (a scalar means equality, an
 * object a {@link ColumnCondition}) or the combinators `and`, `or`, `not`.
 */
export interface Where {
  and?: Where[];
  or?: Where[];
  not?: Where;
  [column: string]: Value | ColumnCondition | Where | Where[] | undefined;
}

/** One sort key of a find: rows are offered in this order. */
export interface OrderBy {
  column: string;
  direction: 'asc' | 'desc';
}

/**
 * A parameterised query against a registered database (a resolution server):
 * named parameters (`:status`) whose values are bound, never interpolated.
 */
export interface SqlQuery {
  sql: string;
  params?: Record<string, Value>;
  /** The result column that identifies a row; leases are kept by it. */
  key: string;
}

/**
 * Criteria over the rows of a data block, or a query against the job's
 * resolution server (`where` and `order` then filter the query's rows).
 */
export interface Find {
  /** `customers` or a pinned version `customers@1.2`; defaults to the pool's first block. */
  from?: string;
  where?: Where;
  order?: OrderBy[];
  query?: SqlQuery;
}

/** A generator for one column of a made row. */
export type Generator =
  | Value
  | { const: Value }
  | { template: string }
  | { sequence: { start?: number; step?: number; prefix?: string; pad?: number } }
  | { oneOf: Value[] };

/**
 * How a made row is removed once its test is done with it: a statement on
 * the make's resolution server (every `:name` is bound to the made row's
 * column `name`; the server must be registered read-write), or an HTTP call.
 */
export type Teardown = SqlTeardown | HttpTeardown;

/** A teardown statement run on the resolution server the row was made on. */
export interface SqlTeardown {
  sql: string;
}

/** A teardown request; `{{row.column}}` in the URL is the made row's value, URL-encoded. */
export interface HttpTeardown {
  http: {
    method: 'DELETE' | 'POST' | 'PUT' | 'PATCH' | 'GET';
    url: string;
    /** Header name to the environment variable holding its value (never stored nor logged). */
    headers?: Record<string, string>;
  };
}

/** Whether a teardown is an HTTP call rather than a statement. */
export function isHttpTeardown(teardown: Teardown): teardown is HttpTeardown {
  return 'http' in teardown;
}

/**
 * A limit on how fast rows are made: at most `makes` per window of
 * `perSeconds`, shared by every replica through the store, and at most
 * `concurrency` makes at once in one process. A make that would exceed it
 * waits up to `waitSeconds`, then its test fails with the reason.
 */
export interface Quota {
  makes: number;
  /** Window length in seconds; default 1. */
  perSeconds?: number;
  concurrency?: number;
  /** Longest a make waits for the quota; default 60. */
  waitSeconds?: number;
}

/** What every kind of make may add: a teardown, whether to keep the rows, and a quota. */
export interface MakeLifecycleSettings {
  /** Removes each made row when its job is released or expires, or its test consumed it. */
  teardown?: Teardown;
  /** Made rows stay after the run even with a teardown; default false. */
  keep?: boolean;
  quota?: Quota;
}

/** How to create rows when none qualifies. */
export interface Make extends MakeLifecycleSettings {
  /** The block the made rows join; defaults to the find's block. */
  block?: string;
  /** Seed for the generators, so a run can be reproduced. */
  seed?: number | string;
  columns: Record<string, Generator>;
}

/** A make on a resolution server: an `INSERT … RETURNING` run once per row, in its own transaction. */
export interface SqlMake extends MakeLifecycleSettings {
  seed?: number | string;
  /** The statement, with named parameters (`:email`) bound to the generated `params`. */
  insert: string;
  params?: Record<string, Generator>;
}

/** Whether a make inserts into a registered database rather than a data block. */
export function isSqlMake(make: Make | SqlMake): make is SqlMake {
  return 'insert' in make;
}

/** One test's need. */
export interface AllocationTest {
  suite: string;
  test: string;
  find: Find;
  make?: Make | SqlMake;
  /** Rows needed; default 1. */
  count: number;
  /** Columns that come back; default all. */
  columns?: string[];
  /** Consumed rows never return to the pool. */
  consume: boolean;
  /** Read-only tests may share rows with other read-only tests. */
  readOnly: boolean;
  /** Rows of this find kept free ahead of demand by making them in the background. */
  topUp?: TopUp;
}

/** Watermarks of free qualifying rows: below `low`, rows are made until `high` are free. */
export interface TopUp {
  low: number;
  high: number;
  /** The resolution server a SQL find's rows are made on; data block finds need none. */
  server?: string;
}

/** A data block a pool draws from, optionally imported from a file next to the pool file. */
export interface PoolBlock {
  name: string;
  /** Absolute path of a CSV or JSON file to import when it changed. */
  file?: string;
}

/** A named set of allocation tests over one or more data blocks. */
export interface PoolDefinition {
  name: string;
  description?: string;
  /** The column that identifies a row in every block of the pool. */
  key: string;
  blocks: PoolBlock[];
  /** Columns whose values are masked in summaries and reports. */
  secrets: string[];
  tests: AllocationTest[];
}
