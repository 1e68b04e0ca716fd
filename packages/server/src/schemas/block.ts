import { Type } from 'typebox';

export const BlockMetaSchema = Type.Object({
  block: Type.String(),
  version: Type.String(),
  columns: Type.Array(Type.String()),
  keyColumn: Type.Union([Type.String(), Type.Null()]),
  rowCount: Type.Integer(),
  origin: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  sourceHash: Type.Union([Type.String(), Type.Null()]),
  jobId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});
