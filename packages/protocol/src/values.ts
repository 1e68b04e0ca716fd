import { Type, type Static } from 'typebox';

/** A name of a pool, suite, test or block as people write it: any text, bounded. */
export const Name = Type.String({ minLength: 1, maxLength: 500 });

/** One allocation test, named as pool files and results files name it. */
export const TestRefSchema = Type.Object({ pool: Name, suite: Name, test: Name });

/** One allocation test, named as pool files and results files name it. */
export type TestRef = Static<typeof TestRefSchema>;

/** Any JSON value: for parts whose shape the core validates (finds, makes, pool files). */
export const AnyJson = Type.Unknown();

/** A value of an allocated row, as JSON carries it. */
export const ValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/** A value of an allocated row, as JSON carries it. */
export type Value = Static<typeof ValueSchema>;

/** One allocated row: `{column: value}`. */
export const RowObjectSchema = Type.Record(Type.String(), ValueSchema);

/** One allocated row: `{column: value}`. */
export type Row = Record<string, Value>;
