import { Type, type Static } from 'typebox';
import { ValueSchema } from './values.js';

/** A page of a block version's rows, in row order. */
export const BlockRowsSchema = Type.Object({
  block: Type.String(),
  version: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(ValueSchema), { description: 'Each row, cells in column order' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  total: Type.Integer(),
});

/** A page of a block version's rows. */
export type BlockRowsPage = Static<typeof BlockRowsSchema>;
