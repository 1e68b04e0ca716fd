import { Type } from 'typebox';
import { RowObjectSchema } from './common.js';

export const ResultSchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  jobId: Type.Integer(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(RowObjectSchema),
  createdAt: Type.String(),
});
