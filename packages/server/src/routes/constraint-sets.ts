import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createConstraintSet,
  deleteConstraintSet,
  listConstraintSets,
  readConstraintSet,
  readProject,
  updateConstraintSet,
} from '@allot/use-cases';
import {
  ConstraintSetChangesBody,
  ConstraintSetSchema,
  NewConstraintSetBody,
  PageOf,
  PageQuery,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { ProjectItemParams, ProjectParam } from './schemas.js';

/**
 * Constraint sets of a project, each for one of its schemas, checked
 * against the schema's field tree (422 naming the field path). Creating and
 * updating need the tester role, deleting the admin role.
 */
export const constraintSetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['synthetic data'];
  const { store } = contextOf(app);

  app.post(
    '/projects/:project/constraint-sets',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Create a constraint set for a schema of the project',
        params: ProjectParam,
        body: NewConstraintSetBody,
        response: withErrors({ 201: ConstraintSetSchema }),
      },
    },
    async (request, reply) => {
      const { description, ...rest } = request.body;
      const set = await createConstraintSet(
        store,
        {
          ...rest,
          project: request.params.project,
          ...(description === undefined ? {} : { description }),
        },
        actingOf(app, request),
      );
      return reply.status(201).send(set);
    },
  );

  app.get(
    '/projects/:project/constraint-sets',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the constraint sets of a project (of one schema with ?schema=)',
        params: ProjectParam,
        querystring: Type.Object({
          ...PageQuery.properties,
          schema: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: withErrors({ 200: PageOf(ConstraintSetSchema) }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      await readProject(store, workspace, { id: request.params.project });
      const { limit, offset, schema } = request.query;
      const page = await listConstraintSets(store, {
        workspace,
        project: request.params.project,
        schema,
        page: { limit: limit + 1, offset },
      });
      return pageOfProbe(request, page, { limit, offset });
    },
  );

  app.get(
    '/projects/:project/constraint-sets/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a constraint set',
        params: ProjectItemParams,
        response: withErrors({ 200: ConstraintSetSchema }),
      },
    },
    async (request) =>
      readConstraintSet(store, { workspace: callerOf(request).workspace, ...request.params }),
  );

  app.put(
    '/projects/:project/constraint-sets/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Change a constraint set's name, description or constraints",
        params: ProjectItemParams,
        body: ConstraintSetChangesBody,
        response: withErrors({ 200: ConstraintSetSchema }),
      },
    },
    async (request) => {
      const { name, description, constraints } = request.body;
      return updateConstraintSet(
        store,
        request.params,
        {
          ...(name === undefined ? {} : { name }),
          ...(description === undefined ? {} : { description }),
          ...(constraints === undefined ? {} : { constraints }),
        },
        actingOf(app, request),
      );
    },
  );

  app.delete(
    '/projects/:project/constraint-sets/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a constraint set',
        params: ProjectItemParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteConstraintSet(store, request.params, actingOf(app, request));
      return reply.status(204).send(null);
    },
  );
};
