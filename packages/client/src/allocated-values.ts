import type { Row, TestRef, Value } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { describeTest } from './model.js';

/**
 * The values one test received: its first row as `values`, every row as
 * `rows`, and `get(column)` that names the available columns when asked for
 * one the test does not have.
 */
export class AllocatedValues {
  readonly ref: TestRef;
  readonly rows: readonly Row[];
  /** Where they came from: a results file path or a server URL. */
  readonly source: string;

  constructor(ref: TestRef, rows: readonly Row[], source: string) {
    this.ref = ref;
    this.rows = rows;
    this.source = source;
  }

  /** The first row (most tests take one), `{}` when the test got none. */
  get values(): Row {
    return this.rows[0] ?? {};
  }

  /** The columns of the first row. */
  get columns(): string[] {
    return Object.keys(this.values);
  }

  /** A column of row `row` (default the first); throws naming the test and its columns when there is no such column. */
  get(column: string, row = 0): Value {
    const values = this.rows[row];
    if (values === undefined) {
      throw new AllotClientError({
        code: 'UNKNOWN_COLUMN',
        message: `${describeTest(this.ref)} has ${this.rows.length} row(s); there is no row ${row} (from ${this.source})`,
        ref: this.ref,
      });
    }
    if (!Object.hasOwn(values, column)) {
      const known = Object.keys(values);
      throw new AllotClientError({
        code: 'UNKNOWN_COLUMN',
        message: `${describeTest(this.ref)} has no column ${JSON.stringify(column)}; its columns are ${known.length === 0 ? '(none)' : known.join(', ')} (from ${this.source})`,
        ref: this.ref,
      });
    }
    return values[column] ?? null;
  }

  /** The column as a string (`''` for null), for step text and form fields. */
  text(column: string, row = 0): string {
    const value = this.get(column, row);
    return value === null ? '' : String(value);
  }
}
