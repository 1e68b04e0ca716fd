import { Type, type Static } from 'typebox';
import { RowObjectSchema } from './values.js';

/** One test's stored result, as `GET /api/v1/pools/{pool}/results` lists it. */
export const ResultSchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  jobId: Type.Integer(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(RowObjectSchema),
  createdAt: Type.String(),
});

/** One test's stored result: `jobId` is the job whose leases hold the rows. */
export type StoredResult = Static<typeof ResultSchema>;
