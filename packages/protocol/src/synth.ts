import { Type, type Static } from 'typebox';
import { ValueSchema } from './values.js';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const Text = Type.String({ maxLength: 10_000 });
const Title = Type.String({ minLength: 1, maxLength: 200 });

/** The schema languages an upload may name. */
export const SchemaFormatSchema = Type.Union([Type.Literal('json-schema'), Type.Literal('xsd')]);

/** The formats a dataset is written in. */
export const SynthFormatSchema = Type.Union([
  Type.Literal('csv'),
  Type.Literal('json'),
  Type.Literal('jsonl'),
  Type.Literal('xml'),
  Type.Literal('sql'),
]);

/** `POST /api/v1/projects/{project}/schemas`: the schema as text (XSD or JSON) or as a JSON object. */
export const SchemaUploadBody = Type.Object(
  {
    name: Title,
    description: Type.Optional(Text),
    format: Type.Optional(SchemaFormatSchema),
    source: Type.Union([Type.String({ minLength: 1 }), Type.Object({})], {
      description: 'An XSD or JSON Schema as text, or a JSON Schema as an object.',
    }),
    recordElement: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** A stored schema. */
export const SchemaRecordSchema = Type.Object({
  id: Type.Integer(),
  project: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  format: SchemaFormatSchema,
  source: Type.String(),
  recordElement: Type.Union([Type.String(), Type.Null()]),
  recordName: Type.String({ description: 'The entity name references across entities use.' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type SchemaRecordView = Static<typeof SchemaRecordSchema>;

/** `GET …/schemas/{id}/repr`: every field by path, for building constraint sets. */
export const SchemaReprSchema = Type.Object({
  language: SchemaFormatSchema,
  recordName: Type.String(),
  fields: Type.Array(
    Type.Object({
      path: Type.String(),
      kind: Type.String(),
      required: Type.Boolean(),
      nullable: Type.Boolean(),
      constraints: Type.Record(Type.String(), Type.Unknown()),
      attribute: Type.Optional(Type.Boolean()),
      choiceGroup: Type.Optional(Type.String()),
    }),
  ),
});

/** What a constraint set says about one field. */
export const FieldConstraintSchema = Type.Object(
  {
    enum: Type.Optional(Type.Array(ValueSchema, { minItems: 1, maxItems: 10_000 })),
    weights: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { maxItems: 10_000 })),
    min: Type.Optional(Type.Union([Type.Number(), Type.String()])),
    max: Type.Optional(Type.Union([Type.Number(), Type.String()])),
    pattern: Type.Optional(Type.String({ maxLength: 1000 })),
    unique: Type.Optional(Type.Boolean()),
    nullRatio: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    faker: Type.Optional(Type.String({ maxLength: 200 })),
    reference: Type.Optional(
      Type.Object(
        { entity: Type.String({ minLength: 1 }), field: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
  },
  {
    description:
      'Keys outside these are not dropped: the constraint set is refused (422) naming the field and the key.',
  },
);

const RuleSchema = Type.Union([
  Type.String({ description: '`field op other`, e.g. `end_date >= start_date`' }),
  Type.Object(
    {
      field: Type.String({ minLength: 1 }),
      op: Type.Union([
        Type.Literal('<'),
        Type.Literal('<='),
        Type.Literal('>'),
        Type.Literal('>='),
      ]),
      other: Type.String({ minLength: 1 }),
    },
    { additionalProperties: false },
  ),
]);

/** The constraints of a set: per field path, and cross-field rules. */
export const ConstraintsSchema = Type.Object(
  {
    fields: Type.Optional(Type.Record(Type.String(), FieldConstraintSchema)),
    rules: Type.Optional(Type.Array(RuleSchema, { maxItems: 1000 })),
  },
  { description: 'Keys other than fields and rules are refused (422), never dropped.' },
);

/** `POST /api/v1/projects/{project}/constraint-sets`. */
export const NewConstraintSetBody = Type.Object(
  {
    schema: Id,
    name: Title,
    description: Type.Optional(Text),
    constraints: ConstraintsSchema,
  },
  { additionalProperties: false },
);

/** `PUT /api/v1/projects/{project}/constraint-sets/{id}`: at least one field. */
export const ConstraintSetChangesBody = Type.Object(
  {
    name: Type.Optional(Title),
    description: Type.Optional(Text),
    constraints: Type.Optional(ConstraintsSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A stored constraint set. */
export const ConstraintSetSchema = Type.Object({
  id: Type.Integer(),
  project: Type.Integer(),
  schema: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  constraints: Type.Unknown(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const DatasetParamsBody = Type.Object(
  {
    seed: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 200 })])),
    locale: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    fileSplit: Type.Optional(Type.Integer({ minimum: 1 })),
    block: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' })),
  },
  { additionalProperties: false },
);

const RecordCount = Type.Integer({ minimum: 0, maximum: 1_000_000 });

/** `POST /api/v1/projects/{project}/datasets`. */
export const NewSyntheticDatasetBody = Type.Object(
  {
    name: Title,
    schema: Id,
    constraintSet: Type.Optional(Type.Union([Id, Type.Null()])),
    recordCount: RecordCount,
    entities: Type.Optional(
      Type.Array(
        Type.Object(
          {
            schema: Id,
            constraintSet: Type.Optional(Type.Union([Id, Type.Null()])),
            recordCount: RecordCount,
          },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'More entities generated with this one, for foreign keys.' },
      ),
    ),
    formats: Type.Optional(Type.Array(SynthFormatSchema, { minItems: 1, maxItems: 5 })),
    params: Type.Optional(DatasetParamsBody),
  },
  { additionalProperties: false },
);

const StatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
]);

/** One generated file of a dataset. */
export const SyntheticDatasetFileSchema = Type.Object({
  format: SynthFormatSchema,
  index: Type.Integer(),
  entity: Type.String(),
  name: Type.String(),
  records: Type.Integer(),
  bytes: Type.Integer(),
  chunks: Type.Integer(),
  sha256: Type.String(),
});

/** A dataset with its status, progress, files and the block versions its rows became. */
export const SyntheticDatasetSchema = Type.Object({
  id: Type.Integer(),
  project: Type.Integer(),
  name: Type.String(),
  schema: Type.Integer(),
  constraintSet: Type.Union([Type.Integer(), Type.Null()]),
  recordCount: Type.Integer(),
  entities: Type.Array(
    Type.Object({
      schema: Type.Integer(),
      constraintSet: Type.Union([Type.Integer(), Type.Null()]),
      recordCount: Type.Integer(),
    }),
  ),
  formats: Type.Array(SynthFormatSchema),
  params: Type.Object({
    seed: Type.Union([Type.Integer(), Type.String()]),
    locale: Type.String(),
    batchSize: Type.Integer(),
    fileSplit: Type.Union([Type.Integer(), Type.Null()]),
    block: Type.Union([Type.String(), Type.Null()]),
  }),
  status: StatusSchema,
  progress: Type.Union([
    Type.Object({
      done: Type.Number(),
      total: Type.Number(),
      message: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  queuedJob: Type.Union([Type.String(), Type.Null()]),
  files: Type.Array(SyntheticDatasetFileSchema),
  blocks: Type.Array(
    Type.Object({
      entity: Type.String(),
      block: Type.String(),
      version: Type.String(),
      rows: Type.Integer(),
    }),
  ),
  createdBy: Type.String(),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type SyntheticDatasetViewSchema = Static<typeof SyntheticDatasetSchema>;

/** `?format&fileIndex` of a dataset download. */
export const SyntheticDatasetFileQuery = Type.Object({
  format: Type.Optional(SynthFormatSchema),
  fileIndex: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
