import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  deleteSchema,
  listSchemas,
  readProject,
  readSchemaRecord,
  readSchemaRepr,
  uploadSchema,
} from '@allot/use-cases';
import {
  PageOf,
  PageQuery,
  SchemaRecordSchema,
  SchemaReprSchema,
  SchemaUploadBody,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
/** `{project}` of the synthetic data routes. */
export const ProjectParam = Type.Object({ project: Id });
/** `{project}/…/{id}` of the synthetic data routes. */
export const ProjectItemParams = Type.Object({ project: Id, id: Id });

/**
 * Schemas of a project (JSON Schema draft-07 or 2020-12, XSD), read into
 * one field tree on upload: a construct generation does not support is a
 * 422 naming it, and nothing is stored. Uploading needs the tester role,
 * deleting the admin role.
 */
export const schemaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['synthetic data'];
  const { store, events } = contextOf(app);

  app.post(
    '/projects/:project/schemas',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Upload a schema (records schema.uploaded)',
        params: ProjectParam,
        body: SchemaUploadBody,
        response: withErrors({ 201: SchemaRecordSchema }),
      },
    },
    async (request, reply) => {
      const { recordElement, description, format, ...rest } = request.body;
      const schema = await uploadSchema(
        store,
        events,
        {
          ...rest,
          project: request.params.project,
          ...(recordElement === undefined ? {} : { recordElement }),
          ...(description === undefined ? {} : { description }),
          ...(format === undefined ? {} : { format }),
        },
        actingOf(app, request),
      );
      return reply.status(201).send(schema);
    },
  );

  app.get(
    '/projects/:project/schemas',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the schemas of a project, by number',
        params: ProjectParam,
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(SchemaRecordSchema) }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      await readProject(store, workspace, { id: request.params.project });
      const { limit, offset } = request.query;
      const page = await listSchemas(store, {
        workspace,
        project: request.params.project,
        page: { limit: limit + 1, offset },
      });
      return pageOfProbe(request, page, request.query);
    },
  );

  app.get(
    '/projects/:project/schemas/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a schema',
        params: ProjectItemParams,
        response: withErrors({ 200: SchemaRecordSchema }),
      },
    },
    async (request) =>
      readSchemaRecord(store, { workspace: callerOf(request).workspace, ...request.params }),
  );

  app.get(
    '/projects/:project/schemas/:id/repr',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "A schema's fields by path, for building constraint sets",
        params: ProjectItemParams,
        response: withErrors({ 200: SchemaReprSchema }),
      },
    },
    async (request) =>
      readSchemaRepr(store, { workspace: callerOf(request).workspace, ...request.params }),
  );

  app.delete(
    '/projects/:project/schemas/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a schema no constraint set or dataset uses',
        params: ProjectItemParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteSchema(store, request.params, actingOf(app, request));
      return reply.status(204).send(null);
    },
  );
};
