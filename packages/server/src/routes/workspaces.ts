import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WorkspaceRecord } from '@allot/core';
import { PageOf, PageQuery, WorkspaceBody, WorkspaceSchema, withErrors } from '@allot/protocol';
import { createWorkspace, listWorkspaces } from '@allot/use-cases';
import { audit } from '../audit.js';
import { contextOf } from '../app-context.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';

function workspaceView(workspace: WorkspaceRecord) {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt };
}

/** Workspaces (tenants): a SuperUser creates and lists them. */
export const workspaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['workspaces'];

  app.post(
    '/workspaces',
    {
      config: { role: 'admin', superUser: true },
      schema: {
        tags,
        summary: 'Create a workspace (SuperUser only)',
        body: WorkspaceBody,
        response: withErrors({ 201: WorkspaceSchema }),
      },
    },
    async (request, reply) => {
      const { store, clock } = contextOf(app);
      const creation = await createWorkspace(store, request.body, clock());
      if (creation.kind === 'exists')
        throw new HttpError('CONFLICT', `workspace "${request.body.id}" already exists`, 'body.id');
      await audit(app, request, 'workspace.create', `workspace:${creation.workspace.id}`);
      return reply.status(201).send(workspaceView(creation.workspace));
    },
  );

  app.get(
    '/workspaces',
    {
      config: { role: 'admin', superUser: true },
      schema: {
        tags,
        summary: 'List workspaces (SuperUser only)',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(WorkspaceSchema) }),
      },
    },
    async (request) =>
      pageOfList(
        request,
        (await listWorkspaces(contextOf(app).store)).map(workspaceView),
        request.query,
      ),
  );
};
