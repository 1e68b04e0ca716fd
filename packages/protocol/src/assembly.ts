import { Type, type Static } from 'typebox';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Version = Type.String({ minLength: 1, maxLength: 50 });

/** A catalogue record addressed by name and version. */
export const NamedVersionSchema = Type.Object({ name: Name, version: Version });

/** A data view bound to the data block version it reads. */
export const BoundViewSchema = Type.Object({
  view: NamedVersionSchema,
  dataSet: NamedVersionSchema,
});

/** The lock an assembly holds on a workset while it runs. */
export const CatalogueLockSchema = Type.Union([
  Type.Object({
    holder: Type.String(),
    since: Type.String(),
    timeoutSeconds: Type.Union([Type.Integer(), Type.Null()]),
  }),
  Type.Null(),
]);

/** `/api/v1/projects/{id}/data-views/{name}` and `…/scenarios/{name}`: the project and the name. */
export const AssemblyPartParamsSchema = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  name: Name,
});

/** A version of a data view, scenario or workset, as the API shows it. */
export const AssemblyRecordSchema = Type.Object({
  id: Type.String({ description: 'Kept by every version of a name' }),
  kind: Type.String(),
  name: Type.String(),
  version: Type.String(),
  body: Type.Unknown({ description: 'The data view, scenario or workset' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
  lock: CatalogueLockSchema,
});
export type AssemblyRecord = Static<typeof AssemblyRecordSchema>;

/** `PUT /api/v1/projects/{id}/data-views/{name}`: a new version of a data view. */
export const DataViewBodySchema = Type.Object({
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  columns: Type.Optional(Type.Array(Name, { minItems: 1, maxItems: 1000 })),
  where: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'A filter in the pool `where` language',
    }),
  ),
  match: Type.Optional(
    Type.Record(Type.String(), Name, {
      description: "view column → the primary record's field it must equal",
    }),
  ),
  key: Type.Optional(Name),
});

/** `PUT /api/v1/projects/{id}/scenarios/{name}`: a new version of a scenario. */
export const ScenarioBodySchema = Type.Object({
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  steps: Type.Array(
    Type.Object({
      name: Name,
      recordType: Type.Optional(Name),
      views: Type.Optional(Type.Array(Name, { maxItems: 1000 })),
    }),
    { minItems: 1, maxItems: 1000 },
  ),
});

/** `POST /api/v1/projects/{id}/worksets`. */
export const NewWorksetBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '_workset$' }),
  scenario: NamedVersionSchema,
  primary: BoundViewSchema,
  dataViews: Type.Optional(Type.Array(BoundViewSchema, { maxItems: 1000 })),
});

/** `PATCH /api/v1/projects/{id}/worksets/{worksetId}`: what changes (`dataViews` replaces the list). */
export const WorksetChangesBody = Type.Object(
  {
    scenario: Type.Optional(NamedVersionSchema),
    primary: Type.Optional(BoundViewSchema),
    dataViews: Type.Optional(Type.Array(BoundViewSchema, { maxItems: 1000 })),
  },
  { minProperties: 1 },
);

/** The progress of a workset's latest data assembly. */
export const AssemblyProgressSchema = Type.Object({
  worksetId: Type.String(),
  assemblyId: Type.String(),
  state: Type.String(),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'Percent done' }),
  rowsGenerated: Type.Integer(),
  rowsToGenerate: Type.Integer(),
  block: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.String(), Type.Null()]),
  rowsWithErrors: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type AssemblyProgressView = Static<typeof AssemblyProgressSchema>;

/** What asking for a data assembly answers. */
export const AssemblyRequestSchema = Type.Object({
  worksetId: Type.String(),
  assemblyId: Type.String(),
  workset: Type.String(),
  version: Type.String(),
});

/** The five TDO event reports. */
export const EventReportNameSchema = Type.Union([
  Type.Literal('sessions'),
  Type.Literal('filterRules'),
  Type.Literal('calculateCoverage'),
  Type.Literal('blockRetrieve'),
  Type.Literal('dataAssembly'),
]);

/** The filters of an event report. */
export const EventReportQuerySchema = Type.Object({
  startdate: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, inclusive' }),
  ),
  enddate: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, exclusive' }),
  ),
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
  projectname: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  projectversion: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
});
