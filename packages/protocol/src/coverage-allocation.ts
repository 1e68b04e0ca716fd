import { Type, type Static } from 'typebox';
import { CoverageSetRefSchema } from './coverage.js';

/** `POST /api/v1/projects/{project}/coverage-sets/{id}/allocate`. */
export const AllocateCoverageBody = Type.Object(
  {
    calculation: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description: 'One calculation of the set version (`1.0`, `1.1` …); the latest by default',
      }),
    ),
    key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "The column that identifies a row of the source block; default the block's key column",
      }),
    ),
    makes: Type.Optional(
      Type.Boolean({
        description:
          'Make a row for a combination no row satisfies (default true). false: allocate the fewest existing rows that cover every t-way tuple the data holds, and list the tuples none holds',
      }),
    ),
    dryRun: Type.Optional(
      Type.Boolean({ description: 'Plan and report; store no pool, lease and make nothing' }),
    ),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 })),
    seed: Type.Optional(Type.String({ maxLength: 200 })),
    waitMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 60_000,
        description:
          "How long to wait for the job before answering 202 (default the server's sync wait)",
      }),
    ),
  },
  { additionalProperties: false },
);

/** How one combination (or chosen row) fared. */
export const CoverageOutcomeSchema = Type.Object({
  test: Type.String(),
  status: Type.String({ description: 'allocated, made, cached, failed, or running' }),
  reason: Type.Union([Type.String(), Type.Null()]),
  combination: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  row: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

/** The report of a coverage allocation. */
export const CoverageAllocationSchema = Type.Object({
  coverageSet: CoverageSetRefSchema,
  calculation: Type.String(),
  mode: Type.Enum(['combinations', 'existing-rows']),
  pool: Type.String({ description: "The pool holding the allocation's tests" }),
  dryRun: Type.Boolean(),
  jobId: Type.Union([Type.Integer(), Type.Null()]),
  state: Type.String(),
  allocated: Type.Integer(),
  made: Type.Integer(),
  failed: Type.Integer(),
  outcomes: Type.Array(CoverageOutcomeSchema),
  existing: Type.Optional(
    Type.Object({
      strength: Type.Integer(),
      tuplesRequired: Type.Integer(),
      tuplesCovered: Type.Integer(),
      missing: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
        description: 'The required tuples no usable row holds',
      }),
      excluded: Type.Integer({ description: 'Rows left out for breaking a rule or group-by' }),
    }),
  ),
});
export type CoverageAllocationView = Static<typeof CoverageAllocationSchema>;
