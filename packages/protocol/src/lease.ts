import { Type, type Static } from 'typebox';

/** The query of `GET /api/v1/leases`. */
export const LeaseQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
  pool: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  job: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** One test's live hold on its rows: which job, whose, which rows, until when. */
export const LeaseSchema = Type.Object({
  job: Type.Integer(),
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  holder: Type.Union([Type.String(), Type.Null()], {
    description: 'Who executed the job (its user, else its key name); null when not recorded',
  }),
  rows: Type.Array(Type.Object({ block: Type.String(), key: Type.String() })),
  shared: Type.Boolean({
    description: 'A read-only test: other read-only tests may share its rows',
  }),
  consume: Type.Boolean({ description: 'The rows are consumed: releasing does not return them' }),
  since: Type.String(),
  until: Type.String(),
});

/** One test's live hold on its rows. */
export type Lease = Static<typeof LeaseSchema>;
