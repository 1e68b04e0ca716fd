import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createConstraintSet,
  deleteConstraintSet,
  listConstraintSets,
  readConstraintSet,
  readSchemaRecord,
  updateConstraintSet,
  type ConstraintSetBody,
  type ConstraintSetInput,
} from '@allot/use-cases';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { actingOf } from '../../audit.js';
import { callerOf } from '../../plugins/authenticate.js';
import { ALL, TdmpIdParams, TdmpPage, tdmpProjectAccess } from './tdmp-schemas.js';

const Id = TdmpIdParams.properties.id;
/** Per field path; keys are checked against the schema (422 naming the path), never dropped. */
const Constraints = Type.Object({
  fields: Type.Optional(Type.Record(Type.String(), Type.Object({}))),
  rules: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Object({})]))),
});

const NewBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  schema_id: Id,
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  constraints: Constraints,
});

const ChangesBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    constraints: Type.Optional(Constraints),
  },
  { minProperties: 1 },
);

/** A constraint set as TDMP shows it. */
export function tdmpConstraintSetView(set: ConstraintSetBody) {
  return {
    constraint_set_id: set.id,
    id: set.id,
    name: set.name,
    description: set.description,
    schema_id: set.schema,
    project_id: set.project,
    constraints: set.constraints,
    created_by: set.createdBy,
    created_at: set.createdAt,
    updated_at: set.updatedAt,
  };
}

/** Snake-case constraint keys (`null_ratio`) as allot's (`nullRatio`); the rest as written. */
function constraintsOf(input: {
  fields?: Record<string, object>;
  rules?: unknown[];
}): ConstraintSetInput {
  const fields = Object.fromEntries(
    Object.entries(input.fields ?? {}).map(([path, c]) => {
      const { null_ratio, ...rest } = c as Record<string, unknown>;
      return [path, null_ratio === undefined ? rest : { ...rest, nullRatio: null_ratio }];
    }),
  );
  return {
    ...(input.fields === undefined ? {} : { fields }),
    ...(input.rules === undefined ? {} : { rules: input.rules }),
  } as ConstraintSetInput;
}

/**
 * TDMP's constraint set routes. A set belongs to the project of its
 * schema; its paths and constraints are checked against the schema's field
 * tree (422 naming the path).
 */
export const tdmpConstraintRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store } = contextOf(app);
  const visibleSet = async (request: FastifyRequest, id: number) =>
    tdmpProjectAccess(app, request).check(
      await readConstraintSet(store, { workspace: callerOf(request).workspace, id }),
      'Constraint set',
    );

  app.post(
    '/constraints',
    { config: { role: 'tester' }, schema: { hide, body: NewBody } },
    async (request, reply) => {
      const body = request.body;
      const schema = await tdmpProjectAccess(app, request).check(
        await readSchemaRecord(store, {
          workspace: callerOf(request).workspace,
          id: body.schema_id,
        }),
        'Schema',
      );
      const set = await createConstraintSet(
        store,
        {
          project: schema.project,
          schema: schema.id,
          name: body.name,
          constraints: constraintsOf(body.constraints),
          ...(body.description === undefined ? {} : { description: body.description }),
        },
        actingOf(app, request),
      );
      return reply.status(201).send(tdmpConstraintSetView(set));
    },
  );

  app.get(
    '/constraints',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        querystring: Type.Object({
          project_id: Type.Optional(Id),
          schema_id: Type.Optional(Id),
          ...TdmpPage,
        }),
      },
    },
    async (request) => {
      const { project_id, schema_id, limit, offset } = request.query;
      const sets = await listConstraintSets(store, {
        workspace: callerOf(request).workspace,
        project: project_id,
        schema: schema_id,
        page: ALL,
      });
      return (await tdmpProjectAccess(app, request).page(sets, { limit, offset })).map(
        tdmpConstraintSetView,
      );
    },
  );

  app.get(
    '/constraints/:id',
    { config: { role: 'viewer' }, schema: { hide, params: TdmpIdParams } },
    async (request) => tdmpConstraintSetView(await visibleSet(request, request.params.id)),
  );

  app.put(
    '/constraints/:id',
    { config: { role: 'tester' }, schema: { hide, params: TdmpIdParams, body: ChangesBody } },
    async (request) => {
      const { name, description, constraints } = request.body;
      await visibleSet(request, request.params.id);
      const set = await updateConstraintSet(
        store,
        { id: request.params.id },
        {
          ...(name === undefined ? {} : { name }),
          ...(description === undefined ? {} : { description }),
          ...(constraints === undefined ? {} : { constraints: constraintsOf(constraints) }),
        },
        actingOf(app, request),
      );
      return tdmpConstraintSetView(set);
    },
  );

  app.delete(
    '/constraints/:id',
    { config: { role: 'admin' }, schema: { hide, params: TdmpIdParams } },
    async (request) => {
      await visibleSet(request, request.params.id);
      await deleteConstraintSet(store, { id: request.params.id }, actingOf(app, request));
      return { detail: 'Constraint set deleted' };
    },
  );
};
