import { Type, type Static } from 'typebox';

/** One version of a data block, as the block routes return it. */
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

/** One version of a data block: `1.0`, `1.1`, …, the minor part counting uploads and made rows. */
export type BlockVersion = Static<typeof BlockMetaSchema>;

/** What a block upload did: stored a new version, or found the file identical to the last import. */
export const BlockUploadSchema = Type.Object({
  imported: Type.Boolean(),
  version: BlockMetaSchema,
});

/** What a block upload did: stored a new version, or found the file identical to the last import. */
export type BlockUpload = Static<typeof BlockUploadSchema>;
