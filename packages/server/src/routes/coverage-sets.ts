import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createCoverageSet,
  deleteCoverageSet,
  listCoverageSets,
  lockCoverageSet,
  readCoverageSet,
  unlockCoverageSet,
  updateCoverageSet,
} from '@allot/use-cases';
import {
  CatalogueIdSchema,
  CoverageSetChangesBody,
  CoverageSetSchema,
  LockBody,
  NewCoverageSetBody,
  PageOf,
  PageQuery,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { coverageSetView } from './coverage-views.js';
import { emptyBodyAsObject } from './empty-body.js';
import { ProjectParam } from './determining-attributes.js';

/**
 * Coverage sets of a project. Every version has its own id and stays
 * usable; an update needs the caller's lock on the version it starts from
 * and puts the next version. Unlocking someone else's lock and deleting
 * need the admin role.
 */
export const coverageSetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['coverage'];
  const { store } = contextOf(app);
  const ById = Type.Object({ project: ProjectParam, id: CatalogueIdSchema });
  const inProject = (project: number, workspace: string) => ({
    workspace,
    project: { id: project },
  });

  app.post(
    '/projects/:project/coverage-sets',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Create a coverage set (version 1.0; the name ends with _coverage)',
        params: Type.Object({ project: ProjectParam }),
        body: NewCoverageSetBody,
        response: withErrors({ 201: CoverageSetSchema }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      const set = await createCoverageSet(
        store,
        { ...inProject(request.params.project, acting.workspace), set: request.body },
        acting,
      );
      return reply.status(201).send(coverageSetView(set));
    },
  );

  app.get(
    '/projects/:project/coverage-sets',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List coverage sets: every version, or the latest of each with latestOnly',
        params: Type.Object({ project: ProjectParam }),
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ latestOnly: Type.Optional(Type.Boolean()) }),
        ]),
        response: withErrors({ 200: PageOf(CoverageSetSchema) }),
      },
    },
    async (request) => {
      const { limit, offset, latestOnly } = request.query;
      const all = await listCoverageSets(store, {
        ...inProject(request.params.project, callerOf(request).workspace),
        latestOnly: latestOnly === true,
      });
      return pageOfList(request, all.map(coverageSetView), { limit, offset });
    },
  );

  app.get(
    '/projects/:project/coverage-sets/by-name/:name/:version',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a coverage set version by name and version',
        params: Type.Object({
          project: ProjectParam,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          version: Type.String({ minLength: 1, maxLength: 50 }),
        }),
        response: withErrors({ 200: CoverageSetSchema }),
      },
    },
    async (request) =>
      coverageSetView(
        await readCoverageSet(store, {
          ...inProject(request.params.project, callerOf(request).workspace),
          coverageSet: { name: request.params.name, version: request.params.version },
        }),
      ),
  );

  app.get(
    '/projects/:project/coverage-sets/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a coverage set version by id',
        params: ById,
        response: withErrors({ 200: CoverageSetSchema }),
      },
    },
    async (request) =>
      coverageSetView(
        await readCoverageSet(store, {
          ...inProject(request.params.project, callerOf(request).workspace),
          coverageSet: { id: request.params.id },
        }),
      ),
  );

  app.patch(
    '/projects/:project/coverage-sets/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary:
          'Update a coverage set version you hold locked: the next version, with a new id and copies of the rules that still fit',
        params: ById,
        body: CoverageSetChangesBody,
        response: withErrors({ 200: CoverageSetSchema }),
      },
    },
    async (request) => {
      const acting = actingOf(app, request);
      const { set } = await updateCoverageSet(
        store,
        {
          ...inProject(request.params.project, acting.workspace),
          id: request.params.id,
          determiningAttributes: request.body.determiningAttributes,
        },
        acting,
      );
      return coverageSetView(set);
    },
  );

  app.post(
    '/projects/:project/coverage-sets/:id/lock',
    {
      preValidation: emptyBodyAsObject,
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Lock a coverage set version (423 naming the holder when someone else has it)',
        params: ById,
        body: LockBody,
        response: withErrors({ 200: CoverageSetSchema }),
      },
    },
    async (request) => {
      const acting = actingOf(app, request);
      return coverageSetView(
        await lockCoverageSet(
          store,
          {
            ...inProject(request.params.project, acting.workspace),
            id: request.params.id,
            timeoutSeconds: request.body?.timeoutSeconds ?? null,
          },
          acting,
        ),
      );
    },
  );

  app.post(
    '/projects/:project/coverage-sets/:id/unlock',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Unlock a coverage set version: its holder, or an admin for anyone's lock",
        params: ById,
        response: withErrors({ 200: CoverageSetSchema }),
      },
    },
    async (request) => {
      const acting = actingOf(app, request);
      return coverageSetView(
        await unlockCoverageSet(
          store,
          {
            ...inProject(request.params.project, acting.workspace),
            id: request.params.id,
            force: callerOf(request).role === 'admin',
          },
          acting,
        ),
      );
    },
  );

  app.delete(
    '/projects/:project/coverage-sets/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary:
          'Delete a coverage set version, its rules and its calculated coverage; 409 while a workset uses it',
        params: ById,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      await deleteCoverageSet(
        store,
        {
          ...inProject(request.params.project, acting.workspace),
          id: request.params.id,
          force: true,
        },
        acting,
      );
      return reply.status(204).send(null);
    },
  );
};
