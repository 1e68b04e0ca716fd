import type { TestRef, VendorJob, VendorJobState } from '@allot/protocol';

/** A test of a bundle to run; `pool` defaults to the call's `pool` option. */
export interface BundleTest {
  pool?: string;
  suite: string;
  test: string;
}

/** The vendor's job states. */
export type JobState = VendorJobState;

/** What the client reads of the vendor protocol's job object: an integer id, its state and message. */
export type Job = Pick<VendorJob, 'id' | 'jobState' | 'progressMessage'>;

/** `pool "shop", suite "checkout", test "pays"`: how every message names a test. */
export function describeTest(ref: TestRef): string {
  return `pool ${JSON.stringify(ref.pool)}, suite ${JSON.stringify(ref.suite)}, test ${JSON.stringify(ref.test)}`;
}
