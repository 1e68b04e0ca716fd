import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createDeterminingAttribute,
  deleteDeterminingAttribute,
  listDeterminingAttributes,
  readDeterminingAttribute,
  updateDeterminingAttribute,
} from '@allot/use-cases';
import {
  CatalogueIdSchema,
  DeterminingAttributeChangesBody,
  DeterminingAttributeSchema,
  NewDeterminingAttributeBody,
  PageOf,
  PageQuery,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { attributeView } from './coverage-views.js';

/** The project of a path: its numeric id. */
export const ProjectParam = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });

/**
 * Determining attributes of a project. An update puts the next version
 * under the same id; reading by name and version reaches every version.
 * Changes need the tester role, deletes the admin role.
 */
export const determiningAttributeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['coverage'];
  const { store } = contextOf(app);
  const where = (request: { params: { project: number } }, workspace: string) => ({
    workspace,
    project: { id: request.params.project },
  });
  const ById = Type.Object({ project: ProjectParam, id: CatalogueIdSchema });

  app.post(
    '/projects/:project/attributes',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Create a determining attribute (version 1.0)',
        params: Type.Object({ project: ProjectParam }),
        body: NewDeterminingAttributeBody,
        response: withErrors({ 201: DeterminingAttributeSchema }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      const record = await createDeterminingAttribute(
        store,
        { ...where(request, acting.workspace), attribute: request.body },
        acting,
      );
      return reply.status(201).send(attributeView(record));
    },
  );

  app.get(
    '/projects/:project/attributes',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List determining attributes (the latest version of each, or every version)',
        params: Type.Object({ project: ProjectParam }),
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ allVersions: Type.Optional(Type.Boolean()) }),
        ]),
        response: withErrors({ 200: PageOf(DeterminingAttributeSchema) }),
      },
    },
    async (request) => {
      const { limit, offset, allVersions } = request.query;
      const all = await listDeterminingAttributes(store, {
        ...where(request, callerOf(request).workspace),
        allVersions: allVersions === true,
      });
      return pageOfList(request, all.map(attributeView), { limit, offset });
    },
  );

  app.get(
    '/projects/:project/attributes/by-name/:name/:version',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read one version of a determining attribute by name',
        params: Type.Object({
          project: ProjectParam,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          version: Type.String({ minLength: 1, maxLength: 50 }),
        }),
        response: withErrors({ 200: DeterminingAttributeSchema }),
      },
    },
    async (request) =>
      attributeView(
        await readDeterminingAttribute(store, {
          ...where(request, callerOf(request).workspace),
          attribute: { name: request.params.name, version: request.params.version },
        }),
      ),
  );

  app.get(
    '/projects/:project/attributes/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a determining attribute by id (its latest version, or `?version=`)',
        params: ById,
        querystring: Type.Object({
          version: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
        response: withErrors({ 200: DeterminingAttributeSchema }),
      },
    },
    async (request) =>
      attributeView(
        await readDeterminingAttribute(store, {
          ...where(request, callerOf(request).workspace),
          attribute: {
            id: request.params.id,
            ...(request.query.version === undefined ? {} : { version: request.query.version }),
          },
        }),
      ),
  );

  app.patch(
    '/projects/:project/attributes/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Change a determining attribute: the next version, same id',
        params: ById,
        body: DeterminingAttributeChangesBody,
        response: withErrors({ 200: DeterminingAttributeSchema }),
      },
    },
    async (request) => {
      const acting = actingOf(app, request);
      return attributeView(
        await updateDeterminingAttribute(
          store,
          { ...where(request, acting.workspace), id: request.params.id, changes: request.body },
          acting,
        ),
      );
    },
  );

  app.delete(
    '/projects/:project/attributes/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a determining attribute, every version',
        params: ById,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      await deleteDeterminingAttribute(
        store,
        { ...where(request, acting.workspace), id: request.params.id },
        acting,
      );
      return reply.status(204).send(null);
    },
  );
};
