import type { AllocatedValues, Row, TestRef, Value } from '@allot/client';

/**
 * A scenario's allocated values, as `this.allot` in steps. When the lookup
 * failed (no pool, no allocation), every access rethrows its error, so
 * scenarios that use no data still pass.
 */
export class ScenarioData {
  /** Pool, suite (feature name) and test (scenario name) of the scenario; pool is '' when none is configured. */
  readonly ref: TestRef;
  private readonly outcome: AllocatedValues | Error;

  constructor(ref: TestRef, outcome: AllocatedValues | Error) {
    this.ref = ref;
    this.outcome = outcome;
  }

  /** True when the scenario got its rows. */
  get found(): boolean {
    return !(this.outcome instanceof Error);
  }

  /** The first row. */
  get values(): Row {
    return this.allocated().values;
  }

  /** Every row. */
  get rows(): readonly Row[] {
    return this.allocated().rows;
  }

  /** A column of the first row (or of row `row`); throws naming the scenario and its columns. */
  get(column: string, row?: number): Value {
    return this.allocated().get(column, row);
  }

  /** The column as a string, `''` for null: what step text and form fields take. */
  text(column: string, row?: number): string {
    return this.allocated().text(column, row);
  }

  private allocated(): AllocatedValues {
    if (this.outcome instanceof Error) throw this.outcome;
    return this.outcome;
  }
}
