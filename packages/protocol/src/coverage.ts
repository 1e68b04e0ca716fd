import { Type, type Static } from 'typebox';

/** A catalogue record id: 24 lowercase hex characters. */
export const CatalogueIdSchema = Type.String({ pattern: '^[0-9a-f]{24}$' });

const Text = Type.String({ minLength: 1, maxLength: 200 });
const VersionLabel = Type.String({ minLength: 1, maxLength: 50 });

/** A reference to one version of a determining attribute. */
export const AttributeRefSchema = Type.Object(
  { name: Text, version: VersionLabel },
  { additionalProperties: false },
);

const DataType = Type.Union([
  Type.Literal('STRING'),
  Type.Literal('NUMBER'),
  Type.Literal('BOOLEAN'),
  Type.Literal('DATE'),
]);
const AttributeType = Type.Union([Type.Literal('VALUE'), Type.Literal('RANGE')]);

// Values stay untyped in the schema: a union of primitives would let the validator coerce 5 to "5"
// (or "5" to 5) before the domain reads the value as its data type says. The domain checks them.
const AttributeValues = Type.Array(
  Type.Unknown({
    description: 'a value (string, number or boolean), or `{minValue, maxValue}` of a RANGE',
  }),
  { maxItems: 10_000, description: 'two or more values, or ranges' },
);
const AttributeSourceSchema = Type.Object(
  {
    name: Text,
    version: VersionLabel,
    attribute: Type.Optional(Text),
  },
  { additionalProperties: false, description: 'the data block column the attribute describes' },
);
const ValuesPriority = Type.Record(Type.String(), Type.Unknown(), {
  description: 'value → priority (a number; lower first)',
});
const Criteria = Type.Record(Type.String(), Type.String(), {
  description: 'value → the attribute it is grouped by (group-by over the source block)',
});

/** `POST /api/v1/projects/{project}/attributes`. */
export const NewDeterminingAttributeBody = Type.Object(
  {
    name: Text,
    type: AttributeType,
    dataType: Type.Optional(DataType),
    values: AttributeValues,
    source: Type.Optional(AttributeSourceSchema),
    valuesPriority: Type.Optional(ValuesPriority),
    criteria: Type.Optional(Criteria),
  },
  { additionalProperties: false },
);

/** `PATCH /api/v1/projects/{project}/attributes/{id}`: the fields to change; a new version. */
export const DeterminingAttributeChangesBody = Type.Object(
  {
    type: Type.Optional(AttributeType),
    dataType: Type.Optional(DataType),
    values: Type.Optional(AttributeValues),
    source: Type.Optional(AttributeSourceSchema),
    valuesPriority: Type.Optional(ValuesPriority),
    criteria: Type.Optional(Criteria),
  },
  { additionalProperties: false, minProperties: 1 },
);

const RecordMeta = {
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
};

/** A determining attribute version as the API shows it. */
export const DeterminingAttributeSchema = Type.Object({
  id: Type.String(),
  version: Type.String(),
  name: Type.String(),
  type: AttributeType,
  dataType: DataType,
  values: Type.Array(Type.Unknown()),
  source: Type.Optional(
    Type.Object({ name: Type.String(), version: Type.String(), attribute: Type.String() }),
  ),
  valuesPriority: Type.Optional(Type.Record(Type.String(), Type.Number())),
  criteria: Type.Optional(Type.Record(Type.String(), Type.String())),
  ...RecordMeta,
});
export type DeterminingAttributeView = Static<typeof DeterminingAttributeSchema>;

/** `POST /api/v1/projects/{project}/coverage-sets`. */
export const NewCoverageSetBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'ends with `_coverage`',
    }),
    determiningAttributes: Type.Array(AttributeRefSchema, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);

/** `PATCH /api/v1/projects/{project}/coverage-sets/{id}`: the whole new attribute list; a new version. */
export const CoverageSetChangesBody = Type.Object(
  { determiningAttributes: Type.Array(AttributeRefSchema, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);

/** `POST …/coverage-sets/{id}/lock`: an optional timeout. */
export const LockBody = Type.Object(
  {
    timeoutSeconds: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 31_536_000, description: 'the lock lapses after' }),
    ),
  },
  { additionalProperties: false },
);

/** Who holds a record's lock, since when, for how long (null: until unlocked). */
export const LockSchema = Type.Object({
  holder: Type.String(),
  since: Type.String(),
  timeoutSeconds: Type.Union([Type.Integer(), Type.Null()]),
});

/** A coverage set version as the API shows it. */
export const CoverageSetSchema = Type.Object({
  id: Type.String(),
  version: Type.String(),
  name: Type.String(),
  determiningAttributes: Type.Array(AttributeRefSchema),
  lock: Type.Union([LockSchema, Type.Null()]),
  ...RecordMeta,
});
export type CoverageSetView = Static<typeof CoverageSetSchema>;

/** A coverage set version, as rules and calculations name it. */
export const CoverageSetRefSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.String(),
});

/** `POST` and `PATCH` of a business rule: attribute → the values it selects. */
export const BusinessRuleBodySchema = Type.Object(
  {
    conditions: Type.Record(
      Type.String(),
      Type.Object(
        { values: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 10_000 }) },
        { additionalProperties: false },
      ),
      {
        minProperties: 1,
        description: 'a combination matching ALL conditions is removed',
      },
    ),
  },
  { additionalProperties: false },
);

/** A business rule as the API shows it. */
export const BusinessRuleSchema = Type.Object({
  id: Type.String(),
  version: Type.String(),
  coverageSet: CoverageSetRefSchema,
  conditions: Type.Record(Type.String(), Type.Object({ values: Type.Array(Type.Unknown()) })),
  ...RecordMeta,
});
export type BusinessRuleView = Static<typeof BusinessRuleSchema>;

/** `POST …/coverage-sets/{id}/calculate`. */
export const CalculateCoverageBody = Type.Object(
  {
    strength: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Integer({ minimum: 1, maximum: 6 })], {
        description: '`all`, or n-wise strength 1 to 6 (2 = pairwise, the default)',
      }),
    ),
    seed: Type.Optional(
      Type.Union([Type.Integer(), Type.String({ maxLength: 200 })], {
        description: 'same seed, same rows (default 1)',
      }),
    ),
    effort: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'search moves' }),
    ),
    waitMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 600_000,
        description:
          "How long to wait for the queued calculation before answering 202 with the queued job (default the server's sync wait)",
      }),
    ),
  },
  { additionalProperties: false },
);

/** What a calculation covered. */
export const CoverageReportSchema = Type.Object({
  strength: Type.Union([Type.Literal('all'), Type.Integer()]),
  seed: Type.Union([Type.Integer(), Type.String()]),
  tuplesRequired: Type.Integer(),
  tuplesCovered: Type.Integer(),
  tuplesExcluded: Type.Integer(),
  rows: Type.Integer(),
});

/** The calculated coverage of a coverage set version, as columns and rows. */
export const CoverageDataSetSchema = Type.Object({
  coverageSet: CoverageSetRefSchema,
  calculation: Type.String(),
  calculatedAt: Type.String(),
  calculatedBy: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  ),
  combinations: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  report: CoverageReportSchema,
});
export type CoverageDataSetView = Static<typeof CoverageDataSetSchema>;
