import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ProjectRecord } from '@allot/core';
import {
  addProjectMember,
  createProject,
  deleteProject,
  linkProjectSchema,
  listProjects,
  listProjectSchemas,
  removeProjectMember,
  updateProject,
} from '@allot/use-cases';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { actingOf } from '../../audit.js';
import { roleAllows } from '../../auth/roles.js';
import { notFound } from '../../errors/http-error.js';
import { tdmpCaller } from './tdmp-auth.js';
import { ProjectIdParams, TdmpPage, TdmpUserId, tdmpProjectView } from './tdmp-views.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 10_000 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });
const MemberRole = Type.Union([Type.Literal('view'), Type.Literal('edit'), Type.Literal('manage')]);
const SchemaId = Type.Union([
  Type.Integer({ minimum: 0 }),
  Type.String({ minLength: 1, maxLength: 200 }),
]);

/**
 * Projects as TDMP serves them. Managers and above see and manage every
 * project of the tenant; a Tester sees only the projects they are a member
 * of, and any other answers 404, as the reference says of projects one
 * lacks access to.
 */
export const tdmpProjectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, events } = contextOf(app);

  /** The project, when the caller may see it; 404 "Project not found" otherwise, as the reference shows. */
  async function visible(request: FastifyRequest, id: number): Promise<ProjectRecord> {
    const caller = tdmpCaller(request);
    const project = await store.getProject(caller.workspace, id);
    if (
      project === undefined ||
      (!roleAllows(caller.role, 'manager') && !project.members.some((m) => m.user === caller.user))
    )
      throw notFound('Project not found');
    return project;
  }

  app.post(
    '/projects/create',
    {
      config: { role: 'manager' },
      schema: {
        hide,
        body: Type.Object({
          name: Name,
          description: Type.Optional(Description),
          tags: Type.Optional(Tags),
          version: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
      },
    },
    async (request, reply) => {
      const project = await createProject(store, events, request.body, actingOf(app, request));
      return reply.status(201).send(tdmpProjectView(project));
    },
  );

  app.get(
    '/projects',
    { config: { role: 'viewer' }, schema: { hide, querystring: Type.Object(TdmpPage) } },
    async (request) => {
      const caller = tdmpCaller(request);
      const { limit, offset } = request.query;
      if (roleAllows(caller.role, 'manager'))
        return (await listProjects(store, caller.workspace, { limit, offset })).map((p) =>
          tdmpProjectView(p),
        );
      const mine: ProjectRecord[] = [];
      for (let from = 0; ; from += 500) {
        const page = await listProjects(store, caller.workspace, { limit: 500, offset: from });
        mine.push(...page.filter((p) => p.members.some((m) => m.user === caller.user)));
        if (page.length < 500) break;
      }
      return mine.slice(offset, offset + limit).map((p) => tdmpProjectView(p));
    },
  );

  app.get(
    '/projects/:project_id',
    { config: { role: 'viewer' }, schema: { hide, params: ProjectIdParams } },
    async (request) => {
      const project = await visible(request, request.params.project_id);
      const links = await listProjectSchemas(store, project.workspace, project.id);
      return tdmpProjectView(
        project,
        links.map((link) => link.schema),
      );
    },
  );

  app.put(
    '/projects/:project_id',
    {
      config: { role: 'manager' },
      schema: {
        hide,
        params: ProjectIdParams,
        body: Type.Object({
          name: Type.Optional(Name),
          description: Type.Optional(Description),
          tags: Type.Optional(Tags),
          version: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
      },
    },
    async (request) => {
      await visible(request, request.params.project_id);
      const target = { id: request.params.project_id, changes: request.body };
      return tdmpProjectView(await updateProject(store, events, target, actingOf(app, request)));
    },
  );

  app.delete(
    '/projects/:project_id',
    { config: { role: 'admin' }, schema: { hide, params: ProjectIdParams } },
    async (request) => {
      await visible(request, request.params.project_id);
      await deleteProject(store, events, request.params.project_id, actingOf(app, request));
      return { detail: 'Project deleted' };
    },
  );

  app.post(
    '/projects/:project_id/add-user',
    {
      config: { role: 'manager' },
      schema: {
        hide,
        params: ProjectIdParams,
        body: Type.Object({ user_id: TdmpUserId, role: Type.Optional(MemberRole) }),
      },
    },
    async (request) => {
      await visible(request, request.params.project_id);
      const target = {
        id: request.params.project_id,
        user: String(request.body.user_id),
        role: request.body.role ?? ('view' as const),
      };
      return tdmpProjectView(await addProjectMember(store, events, target, actingOf(app, request)));
    },
  );

  app.post(
    '/projects/:project_id/remove-user',
    {
      config: { role: 'manager' },
      schema: { hide, params: ProjectIdParams, body: Type.Object({ user_id: TdmpUserId }) },
    },
    async (request) => {
      await visible(request, request.params.project_id);
      const target = { id: request.params.project_id, user: String(request.body.user_id) };
      return tdmpProjectView(
        await removeProjectMember(store, events, target, actingOf(app, request)),
      );
    },
  );

  app.post(
    '/projects/:project_id/add-schema',
    {
      config: { role: 'manager' },
      schema: { hide, params: ProjectIdParams, body: Type.Object({ schema_id: SchemaId }) },
    },
    async (request) => {
      await visible(request, request.params.project_id);
      const target = { id: request.params.project_id, schema: String(request.body.schema_id) };
      const link = await linkProjectSchema(store, events, target, actingOf(app, request));
      return {
        project_id: target.id,
        schema_id: link.schema,
        linked_by: link.linkedBy,
        linked_at: link.linkedAt,
      };
    },
  );
};
