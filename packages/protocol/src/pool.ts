import { Type, type Static } from 'typebox';
import { AnyJson, Name } from './values.js';

/** A pool as the API returns it (finds and makes are free-form JSON, checked by the core). */
export const PoolSchema = Type.Object({
  name: Type.String(),
  description: Type.Optional(Type.String()),
  key: Type.String(),
  blocks: Type.Array(Type.Object({ name: Type.String() })),
  secrets: Type.Array(Type.String()),
  tests: Type.Array(AnyJson),
});

/** A test of a pool as the server returns it: its names, plus its find, make, count and so on. */
export interface PoolTest {
  suite: string;
  test: string;
  readonly [field: string]: unknown;
}

/**
 * A pool as `GET /api/v1/pools/{pool}` returns it (block files are never
 * stored): `key` is the key column its blocks share, `secrets` the columns
 * to mask in logs and reports.
 */
export type Pool = Omit<Static<typeof PoolSchema>, 'tests'> & { tests: PoolTest[] };

/** A pool as the pool listing returns it: its test count, not its tests. */
export const PoolSummarySchema = Type.Object({
  name: Type.String(),
  description: Type.Optional(Type.String()),
  key: Type.String(),
  blocks: Type.Array(Type.String()),
  tests: Type.Integer(),
});

/** A pool as the pool listing returns it: its test count, not its tests. */
export type PoolSummary = Static<typeof PoolSummarySchema>;

/** An allocation test as the test routes return it. */
export const AllocationTestSchema = Type.Object({
  suite: Type.String(),
  test: Type.String(),
  count: Type.Integer(),
  consume: Type.Boolean(),
  readOnly: Type.Boolean(),
  find: AnyJson,
  make: Type.Optional(AnyJson),
  columns: Type.Optional(Type.Array(Type.String())),
  topUp: Type.Optional(AnyJson),
});

/**
 * A pool document as a body: the pool file's shape. Only its outline is
 * checked here; the core's pool schema and rules check the rest and name
 * every offending path.
 */
export const PoolBody = Type.Object(
  {
    pool: Name,
    key: Type.String(),
    blocks: Type.Optional(Type.Array(AnyJson)),
    tests: Type.Array(AnyJson),
  },
  { additionalProperties: true },
);

/** An allocation test as a body: `suite` and `test` may come from the path. */
export const TestBody = Type.Object(
  {
    suite: Type.Optional(Name),
    test: Type.Optional(Name),
    find: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);
