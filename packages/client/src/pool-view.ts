import type { Row, TestRef } from './model.js';

/** A test of a pool as the server returns it: its names, plus its find, make, count and so on. */
export interface PoolTest {
  suite: string;
  test: string;
  readonly [field: string]: unknown;
}

/** A pool as `GET /api/v1/pools/{pool}` returns it (block files are never stored). */
export interface Pool {
  name: string;
  description?: string;
  /** The key column shared by the pool's blocks. */
  key: string;
  blocks: Array<{ name: string }>;
  /** Columns whose values are secret: mask them in logs and reports. */
  secrets: string[];
  tests: PoolTest[];
}

/** One test's stored result, as `GET /api/v1/pools/{pool}/results` lists it. */
export interface StoredResult extends TestRef {
  /** The job whose leases hold the rows. */
  jobId: number;
  columns: string[];
  rows: Row[];
  createdAt: string;
}

/** A pool as the pool listing returns it: its test count, not its tests. */
export interface PoolSummary {
  name: string;
  description?: string;
  key: string;
  blocks: string[];
  tests: number;
}
