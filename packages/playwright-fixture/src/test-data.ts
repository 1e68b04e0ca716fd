import type { AllocatedValues, Row, Value } from '@allot/client';

/** The columns of a test's rows: `{ email: string; password: string }`; any names by default. */
export type Columns = Record<string, Value>;

/** What `testData` offers besides its columns. */
export interface TestDataApi<C extends object = Columns> {
  readonly pool: string;
  readonly suite: string;
  readonly test: string;
  /** Where the values came from: a results file path or a server URL. */
  readonly source: string;
  /** Every row the test received (tests with `count: n` get n). */
  readonly rows: readonly C[];
  /** The first row as a plain object. */
  readonly values: C;
  /** The first row's column names. */
  readonly columns: readonly string[];
  /** A column of the first row (or of row `row`); throws naming the test and its columns when there is none. */
  get<K extends keyof C & string>(column: K, row?: number): C[K];
  /** The column as a string, `''` for null: for form fields. */
  text(column: keyof C & string, row?: number): string;
}

/**
 * The running test's values: each column of its first row is a property
 * (`testData.email`), next to {@link TestDataApi}. A column whose name is
 * one of the API's (`rows`, `get`, …) is read with `get`. Reading a column
 * the test did not receive throws, naming the columns it has.
 */
export type TestData<C extends object = Columns> = TestDataApi<C> & {
  readonly [K in Exclude<keyof C, keyof TestDataApi<C>>]: C[K];
};

const API = new Set<string>([
  'pool',
  'suite',
  'test',
  'source',
  'rows',
  'values',
  'columns',
  'get',
  'text',
]);

/** Properties that libraries probe on any object (promises, JSON, matchers, inspection): never columns. */
const PROBES = new Set<string>([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
]);

/** Wraps a test's allocated values as {@link TestData}. */
export function createTestData<C extends object = Columns>(values: AllocatedValues): TestData<C> {
  const api: TestDataApi = {
    pool: values.ref.pool,
    suite: values.ref.suite,
    test: values.ref.test,
    source: values.source,
    rows: values.rows,
    values: values.values,
    columns: values.columns,
    get: (column: string, row?: number) => values.get(column, row),
    text: (column: string, row?: number) => values.text(column, row),
  };
  // The target holds the columns, so spreading, JSON and printing show the row itself.
  const target: Row = { ...values.values };
  return new Proxy(target, {
    get(row, property, receiver) {
      if (typeof property !== 'string') return Reflect.get(row, property, receiver);
      if (API.has(property)) return api[property as keyof TestDataApi];
      if (Object.hasOwn(row, property)) return row[property];
      if (PROBES.has(property)) return Reflect.get(row, property, receiver);
      return values.get(property);
    },
    has(row, property) {
      return (typeof property === 'string' && API.has(property)) || Reflect.has(row, property);
    },
    set(_row, property) {
      throw new TypeError(
        `testData is read-only: cannot set ${String(property)} (copy the values you want to change: { ...testData })`,
      );
    },
    deleteProperty(_row, property) {
      throw new TypeError(`testData is read-only: cannot delete ${String(property)}`);
    },
  }) as unknown as TestData<C>;
}
