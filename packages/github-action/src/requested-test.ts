/** A test the job should allocate, as a manifest or a discovery names it. */
export interface RequestedTest {
  /** Undefined when the source names no pool: any pool file defining the suite and test serves. */
  pool: string | undefined;
  suite: string;
  test: string;
  /** Where the name came from, for messages: `checkout.feature:12`, `tests.yaml#3`. */
  source: string;
}
