import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/authenticate.js';
import { withErrors } from '../schemas/common.js';
import { contextOf } from '../app-context.js';

/** The resolution servers a job can run on, and who the caller is. */
export const serverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/servers',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['servers'],
        summary: 'List resolution servers (the {servername} of the vendor execute route)',
        response: withErrors({
          200: Type.Object({
            items: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
          }),
        }),
      },
    },
    () => ({
      items: contextOf(app)
        .servers.list()
        .map((s) => ({ name: s.name, description: s.description })),
    }),
  );

  app.get(
    '/whoami',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['servers'],
        summary: "The calling key's workspace and role",
        response: withErrors({
          200: Type.Object({
            workspace: Type.String(),
            keyId: Type.String(),
            role: Type.String(),
            actor: Type.String(),
          }),
        }),
      },
    },
    (request) => callerOf(request),
  );
};
