/**
 * The domain vocabulary of allot (see the design's vocabulary table).
 * Plain data only: every type here can be stored as JSON.
 */

/** A cell of a data block. CSV imports give strings; JSON imports may give numbers and booleans. */
export type Value = string | number | boolean | null;

/** A row in column order, as stored in a data block. */
export type RowValues = Value[];

/** A row as a test reads it: `{column: value}`. */
export type RowObject = Record<string, Value>;

/** A table of rows in column order. */
export interface Table {
  columns: string[];
  rows: RowValues[];
}

/** How a data block version came to be. */
export type BlockOrigin = 'import' | 'make';

/** Metadata of one immutable version of a data block. */
export interface BlockVersionMeta {
  block: string;
  /** `1.0`, `1.1`, … */
  version: string;
  columns: string[];
  /** The column whose values identify a row, when the import declared one. */
  keyColumn: string | null;
  /** Rows of this version, its parent's included. */
  rowCount: number;
  origin: BlockOrigin;
  /** A version made by a job appends rows to its parent; an import has none. */
  parent: string | null;
  /** Hash of the imported file, so an unchanged source is not imported twice. */
  sourceHash: string | null;
  /** The job whose makes created this version. */
  jobId: number | null;
  createdAt: string;
}

/** One version of a data block with all of its rows. */
export interface BlockVersion extends BlockVersionMeta {
  rows: RowValues[];
}

/** What an import or a make hands to the store to become a new version. */
export interface NewBlockVersion {
  block: string;
  columns: string[];
  keyColumn: string | null;
  /** For `import`: every row. For `make`: only the rows appended to the parent. */
  rows: RowValues[];
  origin: BlockOrigin;
  sourceHash?: string | null;
  jobId?: number | null;
}

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

/** How to create rows when none qualifies. */
export interface Make {
  /** The block the made rows join; defaults to the find's block. */
  block?: string;
  /** Seed for the generators, so a run can be reproduced. */
  seed?: number | string;
  columns: Record<string, Generator>;
}

/** A make on a resolution server: an `INSERT … RETURNING` run once per row, in its own transaction. */
export interface SqlMake {
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

/** The name of one allocation test, as the vendor API addresses it. */
export interface TestRef {
  pool: string;
  suite: string;
  test: string;
}

/** A row held by a job. */
export interface RowRef {
  block: string;
  key: string;
}

export type TestStatus = 'allocated' | 'made' | 'cached' | 'failed';

/** What one test of a job received. */
export interface JobTest extends TestRef {
  status: TestStatus;
  /** For a failure: what a person can do about it. */
  reason: string | null;
  rows: RowRef[];
  readOnly: boolean;
  consume: boolean;
  /** For `cached`: the job that holds the rows. */
  fromJob: number | null;
  releasedAt: string | null;
}

export type JobState = 'complete' | 'failed';

/** A committed allocation job. */
export interface JobRecord {
  id: number;
  workspace: string;
  /** Identifies the bundle of tests, so executing it again returns this job. */
  bundleKey: string;
  state: JobState;
  namespace: string;
  createdAt: string;
  expiresAt: string;
  releasedAt: string | null;
  tests: JobTest[];
  allocated: number;
  made: number;
  cached: number;
  failed: number;
}

/** The values allocated to one test. */
export interface ResultRecord extends TestRef {
  jobId: number;
  columns: string[];
  rows: RowObject[];
  createdAt: string;
}

/** A live hold on a row. */
export interface LeaseHolder {
  jobId: number;
  shared: boolean;
}

/** Which rows of some blocks are unavailable, keyed by {@link rowId}. */
export interface ClaimState {
  leases: Map<string, LeaseHolder[]>;
  consumed: Map<string, number>;
}

/** Everything one job writes, in one atomic store operation. */
export interface JobCommit {
  workspace: string;
  jobId: number;
  bundleKey: string;
  namespace: string;
  createdAt: string;
  expiresAt: string;
  tests: JobTest[];
  results: ResultRecord[];
  /** Rows created by makes, appended to each block as a new version. */
  madeRows: NewBlockVersion[];
  /** Live leases of these tests in earlier jobs end with this commit (refresh). */
  supersedes: TestRef[];
}

export interface ReleaseOutcome {
  /** Rows whose leases ended. */
  released: number;
  /** Rows of consumed tests, which stay out of the pool. */
  consumed: number;
}

/** The id under which leases and consumption of a row are kept. */
export function rowId(block: string, key: string): string {
  return `${block}\u0000${key}`;
}

/** The id under which a test's result is kept. */
export function testId(ref: TestRef): string {
  return `${ref.pool}\u0000${ref.suite}\u0000${ref.test}`;
}

/** What a key or user may do; each role includes the ones before it. */
export type Role = 'viewer' | 'tester' | 'manager' | 'admin';

export const ROLES: readonly Role[] = ['viewer', 'tester', 'manager', 'admin'];

/** A tenant: its keys, users, pools, data blocks and servers. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** An API key as stored: never the secret, only its hash. */
export interface ApiKeyRecord {
  /** The public part of the key, also its lookup id. */
  id: string;
  workspace: string;
  name: string;
  role: Role;
  /** Hex digest of the secret part. */
  secretHash: string;
  /** The user the key belongs to, if any. */
  userId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface UserRecord {
  id: string;
  workspace: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** Who did what to what, for the audit log. */
export interface AuditEvent {
  id: number;
  workspace: string;
  at: string;
  /** The key (and its user) that acted. */
  actor: string;
  /** e.g. `job.execute`, `job.release`, `block.upload`, `pool.delete`. */
  action: string;
  target: string;
  details: Record<string, unknown>;
}
