import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { withErrors } from '@allot/protocol';

/** The resolution servers a job can run on, and who the caller is. */
export const serverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/servers',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['servers'],
        summary: 'List resolution servers (the {servername} of the vendor execute route)',
        description:
          "The servers the caller's workspace can execute on. Connection strings are never part of the answer.",
        response: withErrors({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                name: Type.String(),
                description: Type.String(),
                kind: Type.String({ description: '`local` (data blocks) or `postgres`' }),
                default: Type.Boolean({
                  description: 'The server a name no server has runs on (unless names are strict)',
                }),
              }),
            ),
          }),
        }),
      },
    },
    (request) => {
      const { servers } = contextOf(app);
      const { workspace } = callerOf(request);
      const fallback = servers.defaultName(workspace);
      // Built field by field: nothing else a server object holds can reach the answer.
      const items = servers.list(workspace).map((s) => ({
        name: s.name,
        description: s.description,
        kind: s.kind ?? 'local',
        default: s.name === fallback,
      }));
      return { items };
    },
  );

  app.get(
    '/whoami',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['servers'],
        summary: "The calling key's or session's workspace and role",
        response: withErrors({
          200: Type.Object({
            workspace: Type.String(),
            keyId: Type.Union([Type.String(), Type.Null()]),
            role: Type.String(),
            superUser: Type.Boolean(),
            actor: Type.String(),
          }),
        }),
      },
    },
    (request) => {
      const { workspace, keyId, role, superUser, actor } = callerOf(request);
      return { workspace, keyId, role, superUser, actor };
    },
  );
};
