import { Type, type Static } from 'typebox';

const Text = Type.String({ minLength: 1, maxLength: 200 });
const NameVersion = Type.Object({
  name: Text,
  version: Type.String({ minLength: 1, maxLength: 50 }),
});

/**
 * The reference's `context` object: credentials, the project by name and
 * version, and for business rules the coverage set by name and version.
 * `user` and `password` may come as HTTP basic authentication instead.
 * `params.workspace` names the allot workspace the user belongs to (the
 * deployment's default workspace when omitted).
 */
export const TdoContextSchema = Type.Object({
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
  project: NameVersion,
  coverage: Type.Optional(NameVersion),
  params: Type.Optional(
    Type.Object({ workspace: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
  ),
});
export type TdoContext = Static<typeof TdoContextSchema>;

/** A body of the reference: the context, and an entity for create and update requests. */
export const TdoBody = Type.Object({
  context: TdoContextSchema,
  entity: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'the entity to create (by name) or update (by id); checked by the domain',
    }),
  ),
});
export type TdoRequestBody = Static<typeof TdoBody>;

/** A body whose context must name a coverage set (business rules). */
export const TdoCoverageBody = Type.Object({
  context: Type.Intersect([TdoContextSchema, Type.Object({ coverage: NameVersion })]),
  entity: TdoBody.properties.entity,
});

/** The `:id` of a route: any text; an id of the wrong shape is simply not found. */
export const TdoIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
