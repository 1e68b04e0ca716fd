/** One allocation test, named as pool files and results files name it. */
export interface TestRef {
  pool: string;
  suite: string;
  test: string;
}

/** A test of a bundle to run; `pool` defaults to the call's `pool` option. */
export interface BundleTest {
  pool?: string;
  suite: string;
  test: string;
}

/** A value of an allocated row, as JSON carries it. */
export type Value = string | number | boolean | null;

/** One allocated row: `{column: value}`. */
export type Row = Record<string, Value>;

/** The vendor's job states. */
export type JobState = 'Created' | 'InQueue' | 'InProgress' | 'Complete' | 'Error' | 'Cancelled';

/** The job object of the vendor protocol. */
export interface Job {
  /** An integer id, as the vendor's clients parse it. */
  id: number;
  jobState: JobState;
  progressMessage: string;
}

/** What a release ended: rows returned to the pool, and rows kept because a test consumed them. */
export interface ReleaseOutcome {
  released: number;
  consumed: number;
}

/** `pool "shop", suite "checkout", test "pays"`: how every message names a test. */
export function describeTest(ref: TestRef): string {
  return `pool ${JSON.stringify(ref.pool)}, suite ${JSON.stringify(ref.suite)}, test ${JSON.stringify(ref.test)}`;
}
