import { Type, type Static } from 'typebox';

/** A dataset or variable name: 1 to 250 characters (spaces around and control characters are refused with a 400). */
export const DatasetName = Type.String({ minLength: 1, maxLength: 250 });

/** A variable's value in a dataset. */
export const DatasetValue = Type.String({ maxLength: 10_000 });

/** A variable of a project. */
export const VariableSchema = Type.Object({
  id: Type.Integer(),
  project: Type.Integer(),
  name: Type.String(),
});

/** A dataset with every variable of its project and its value ("" when never set). */
export const DatasetSchema = Type.Object({
  id: Type.Integer(),
  project: Type.Integer(),
  name: Type.String(),
  /** The project's Default dataset: every project has one; it cannot be deleted or renamed. */
  isDefault: Type.Boolean(),
  variables: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), value: Type.String() }),
  ),
});

export type Dataset = Static<typeof DatasetSchema>;

/** `POST /api/v1/projects/{project}/datasets`: values by variable name; others get "". */
export const NewDatasetBody = Type.Object(
  {
    name: DatasetName,
    values: Type.Optional(Type.Record(Type.String(), DatasetValue)),
  },
  { additionalProperties: false },
);

/** `PATCH …/datasets/{id}`: a new name and values to set; variables not named keep theirs. */
export const DatasetChangesBody = Type.Object(
  {
    name: Type.Optional(DatasetName),
    values: Type.Optional(Type.Record(Type.String(), DatasetValue)),
  },
  { additionalProperties: false },
);

/** `POST …/variables`, `PATCH …/variables/{id}`. */
export const VariableBody = Type.Object({ name: DatasetName }, { additionalProperties: false });

/** `POST …/datasets/from-job`: the job whose results become datasets. */
export const DatasetsFromJobBody = Type.Object(
  { job: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) },
  { additionalProperties: false },
);

/** What a job's results became. */
export const DatasetsFromJobSchema = Type.Object({
  job: Type.Integer(),
  created: Type.Array(Type.Integer()),
  updated: Type.Array(Type.Integer()),
  variablesAdded: Type.Array(Type.String()),
});
