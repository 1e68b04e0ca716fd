import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WORKSET_KIND } from '@allot/core';
import {
  ASSEMBLY_DELETE_ROLE,
  WORKSET_CHANGE_ROLE,
  cloneWorkset,
  createWorkset,
  deleteWorkset,
  latestRecords,
  readAssemblyProgress,
  recordById,
  requestAssembly,
  unlockWorkset,
  updateWorkset,
  type AssemblyCaller,
} from '@allot/use-cases';
import {
  AssemblyProgressSchema,
  AssemblyRecordSchema,
  AssemblyRequestSchema,
  NewWorksetBody,
  WorksetChangesBody,
  withErrors,
} from '@allot/protocol';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';
import {
  ProjectIdParams,
  assemblyRecordView,
  projectOfRequest,
  withBodyFields,
} from './assembly-route-helpers.js';

/** The caller as the workset use cases check its role. */
function assemblyCaller(request: FastifyRequest): AssemblyCaller {
  const caller = callerOf(request);
  return { user: caller.user, role: caller.role };
}

const WorksetParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  worksetId: Type.String({ minLength: 1, maxLength: 100 }),
});

/**
 * Worksets of a project and their data assembly. A workset keeps its id
 * through its versions (an update makes 1.1 of 1.0); an assembly locks it
 * until done; its holder or an admin unlocks it; only an admin deletes it.
 */
export const worksetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock, queue } = contextOf(app);
  const tags = ['data assembly'];

  app.post(
    '/projects/:id/worksets',
    {
      config: { role: WORKSET_CHANGE_ROLE },
      schema: {
        tags,
        summary: 'Create a workset (version 1.0); its name ends in _workset',
        params: ProjectIdParams,
        body: NewWorksetBody,
        response: withErrors({ 201: AssemblyRecordSchema }),
      },
    },
    async (request, reply) => {
      const project = await projectOfRequest(app, request, request.params.id);
      const record = await withBodyFields(() =>
        createWorkset(store, project, request.body, assemblyCaller(request), clock()),
      );
      return reply.status(201).send(assemblyRecordView(record));
    },
  );

  app.get(
    '/projects/:id/worksets',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the worksets of a project (latest versions)',
        params: ProjectIdParams,
        response: withErrors({ 200: Type.Array(AssemblyRecordSchema) }),
      },
    },
    async (request) => {
      const project = await projectOfRequest(app, request, request.params.id);
      return (await latestRecords(store, project, WORKSET_KIND)).map(assemblyRecordView);
    },
  );

  app.get(
    '/projects/:id/worksets/:worksetId',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read the latest version of a workset',
        params: WorksetParams,
        response: withErrors({ 200: AssemblyRecordSchema }),
      },
    },
    async (request) => {
      const project = await projectOfRequest(app, request, request.params.id);
      return assemblyRecordView(
        await recordById(store, project, WORKSET_KIND, request.params.worksetId),
      );
    },
  );

  app.patch(
    '/projects/:id/worksets/:worksetId',
    {
      config: { role: WORKSET_CHANGE_ROLE },
      schema: {
        tags,
        summary: 'Update a workset: the next version, same id',
        params: WorksetParams,
        body: WorksetChangesBody,
        response: withErrors({ 200: AssemblyRecordSchema }),
      },
    },
    async (request) => {
      const project = await projectOfRequest(app, request, request.params.id);
      const entity = { ...request.body, id: request.params.worksetId };
      return assemblyRecordView(
        await withBodyFields(() =>
          updateWorkset(store, project, entity, assemblyCaller(request), clock()),
        ),
      );
    },
  );

  app.post(
    '/projects/:id/worksets/:worksetId/clone',
    {
      config: { role: WORKSET_CHANGE_ROLE },
      schema: {
        tags,
        summary: 'Copy a workset under a new name ending in _workset',
        params: WorksetParams,
        querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: withErrors({ 201: AssemblyRecordSchema }),
      },
    },
    async (request, reply) => {
      const project = await projectOfRequest(app, request, request.params.id);
      const record = await cloneWorkset(
        store,
        project,
        request.params.worksetId,
        request.query.name,
        assemblyCaller(request),
        clock(),
      );
      return reply.status(201).send(assemblyRecordView(record));
    },
  );

  app.post(
    '/projects/:id/worksets/:worksetId/unlock',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Remove the lock on a workset: its holder, or an admin',
        params: WorksetParams,
        response: withErrors({ 200: AssemblyRecordSchema }),
      },
    },
    async (request) => {
      const project = await projectOfRequest(app, request, request.params.id);
      const caller = callerOf(request);
      return assemblyRecordView(
        await unlockWorkset(
          store,
          project,
          request.params.worksetId,
          { user: caller.user, admin: caller.role === 'admin' },
          clock(),
        ),
      );
    },
  );

  app.delete(
    '/projects/:id/worksets/:worksetId',
    {
      config: { role: ASSEMBLY_DELETE_ROLE },
      schema: {
        tags,
        summary: 'Delete every version of a workset (admin)',
        params: WorksetParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const project = await projectOfRequest(app, request, request.params.id);
      await deleteWorkset(
        store,
        project,
        request.params.worksetId,
        assemblyCaller(request),
        clock(),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/projects/:id/worksets/:worksetId/versions/:version/assembly',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Queue the data assembly of a workset version (locks the workset while it runs)',
        params: Type.Object({
          id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
          worksetId: Type.String({ minLength: 1, maxLength: 100 }),
          version: Type.String({ minLength: 1, maxLength: 50 }),
        }),
        response: withErrors({ 202: AssemblyRequestSchema }),
      },
    },
    async (request, reply) => {
      const project = await projectOfRequest(app, request, request.params.id);
      const workset = await recordById(store, project, WORKSET_KIND, request.params.worksetId);
      const caller = callerOf(request);
      const queued = await requestAssembly(store, queue, {
        project,
        workset: workset.name,
        version: request.params.version,
        user: caller.user,
        actor: caller.actor,
        ip: request.ip,
        now: clock(),
      });
      return reply.status(202).send({
        worksetId: queued.workset.id,
        assemblyId: queued.assemblyId,
        workset: queued.workset.name,
        version: queued.workset.version,
      });
    },
  );

  app.get(
    '/projects/:id/worksets/:worksetId/assembly',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "The progress of a workset's latest data assembly",
        params: WorksetParams,
        response: withErrors({ 200: AssemblyProgressSchema }),
      },
    },
    async (request) => {
      const project = await projectOfRequest(app, request, request.params.id);
      return readAssemblyProgress(
        store,
        queue,
        project.workspace,
        request.params.worksetId,
        project,
      );
    },
  );
};
