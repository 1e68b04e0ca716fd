import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ProjectRecord } from '@allot/core';
import {
  addProjectMember,
  createProject,
  deleteProject,
  listProjects,
  readProject,
  removeProjectMember,
  updateProject,
} from '@allot/use-cases';
import {
  NewProjectBody,
  PageOf,
  PageQuery,
  ProjectChangesBody,
  ProjectMemberBody,
  ProjectName,
  ProjectSchema,
  ProjectVersion,
  withErrors,
  type Project,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';

const ProjectParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

function projectView(project: ProjectRecord): Project {
  const { workspace: _workspace, ...view } = project;
  return view;
}

/**
 * Projects of the caller's workspace, addressed by numeric id or by name
 * and version label. Creating, changing and managing members needs the
 * manager role, deleting the admin role.
 */
export const projectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['projects'];
  const { store, events } = contextOf(app);

  app.post(
    '/projects',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Create a project (records project.created)',
        body: NewProjectBody,
        response: withErrors({ 201: ProjectSchema }),
      },
    },
    async (request, reply) => {
      const project = await createProject(store, events, request.body, actingOf(app, request));
      return reply.status(201).send(projectView(project));
    },
  );

  app.get(
    '/projects',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List projects by id',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(ProjectSchema) }),
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const page = await listProjects(store, callerOf(request).workspace, {
        limit: limit + 1,
        offset,
      });
      return pageOfProbe(request, page.map(projectView), request.query);
    },
  );

  app.get(
    '/projects/by-name/:name/:version',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a project by name and version label',
        params: Type.Object({ name: ProjectName, version: ProjectVersion }),
        response: withErrors({ 200: ProjectSchema }),
      },
    },
    async (request) =>
      projectView(await readProject(store, callerOf(request).workspace, request.params)),
  );

  app.get(
    '/projects/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a project by id',
        params: ProjectParams,
        response: withErrors({ 200: ProjectSchema }),
      },
    },
    async (request) =>
      projectView(await readProject(store, callerOf(request).workspace, { id: request.params.id })),
  );

  app.patch(
    '/projects/:id',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: "Change a project's name, version label, description or tags",
        params: ProjectParams,
        body: ProjectChangesBody,
        response: withErrors({ 200: ProjectSchema }),
      },
    },
    async (request) =>
      projectView(
        await updateProject(
          store,
          events,
          { id: request.params.id, changes: request.body },
          actingOf(app, request),
        ),
      ),
  );

  app.delete(
    '/projects/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a project (records project.deleted)',
        params: ProjectParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteProject(store, events, request.params.id, actingOf(app, request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/projects/:id/members',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: "Add a user of the workspace to a project, or change a member's role",
        params: ProjectParams,
        body: ProjectMemberBody,
        response: withErrors({ 200: ProjectSchema }),
      },
    },
    async (request) =>
      projectView(
        await addProjectMember(
          store,
          events,
          { id: request.params.id, ...request.body },
          actingOf(app, request),
        ),
      ),
  );

  app.delete(
    '/projects/:id/members/:user',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Remove a member from a project',
        params: Type.Object({
          id: ProjectParams.properties.id,
          user: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: withErrors({ 200: ProjectSchema }),
      },
    },
    async (request) =>
      projectView(
        await removeProjectMember(
          store,
          events,
          { id: request.params.id, user: request.params.user },
          actingOf(app, request),
        ),
      ),
  );
};
