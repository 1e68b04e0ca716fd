import { Type, type Static } from 'typebox';

/** `POST /api/v1/projects/{project}/synthetic-datasets/{id}/export`. */
export const DatasetExportBody = Type.Object(
  {
    integration: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The id of an S3 integration of the workspace (`POST /integrations`, provider `s3`)',
    }),
  },
  { additionalProperties: false },
);

/** A queued export of a dataset's files to an S3 bucket. */
export const DatasetExportSchema = Type.Object({
  dataset: Type.Integer(),
  integration: Type.String(),
  bucket: Type.String(),
  /** The key every object of the export starts with: `<integration prefix>datasets/<id>/`. */
  prefix: Type.String(),
  /** Written last: a reader that finds it finds every file. */
  manifest: Type.String(),
  objects: Type.Array(
    Type.Object({
      key: Type.String(),
      format: Type.String(),
      index: Type.Integer(),
      bytes: Type.Integer(),
    }),
  ),
  /** The queued job that uploads them (`GET /api/v1/queue/{id}`). */
  queuedJob: Type.String(),
});

/** A queued export, as answered. */
export type DatasetExportView = Static<typeof DatasetExportSchema>;
