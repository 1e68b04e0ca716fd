import type { AllocatedValues, Row, Value } from '@allot/client';

/** `globalThis.allot` in a test: the running test's name and values. */
export interface AllotTestData {
  readonly pool: string;
  readonly suite: string;
  readonly test: string;
  /** The test's first row. Throws, naming pool, suite and test, when the test got no data. */
  readonly values: Row;
  /** Every row of the test. */
  readonly rows: readonly Row[];
  /** One column of the first row (or of row `row`); throws naming the available columns. */
  get(column: string, row?: number): Value;
  /** The column as a string, `''` for null. */
  text(column: string, row?: number): string;
}

/** The global of a running test: its values, or the error every access rethrows. */
export function testData(
  ref: { pool: string; suite: string; test: string },
  outcome: AllocatedValues | Error,
): AllotTestData {
  const values = (): AllocatedValues => {
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return Object.freeze({
    ...ref,
    get values() {
      return values().values;
    },
    get rows() {
      return values().rows;
    },
    get: (column: string, row?: number) => values().get(column, row),
    text: (column: string, row?: number) => values().text(column, row),
  });
}

/** The global between tests: any access explains when values exist. */
export function noTestRunning(): AllotTestData {
  const fail = (): never => {
    throw new Error(
      'allot: no test is running; the values of a test exist from its start to its end (inside the test, beforeEach or afterEach)',
    );
  };
  return Object.freeze({
    get pool(): string {
      return fail();
    },
    get suite(): string {
      return fail();
    },
    get test(): string {
      return fail();
    },
    get values(): Row {
      return fail();
    },
    get rows(): Row[] {
      return fail();
    },
    get: fail,
    text: fail,
  });
}
