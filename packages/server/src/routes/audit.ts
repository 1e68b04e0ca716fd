import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAudit } from '@allot/use-cases';
import { Type } from 'typebox';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { PageOf, PageQuery, withErrors } from '@allot/protocol';

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** Who executed, released, uploaded and deleted what, newest first. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(AuditEventSchema) }),
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const events = await listAudit(contextOf(app).store, callerOf(request).workspace, {
        limit: limit + 1,
        offset,
      });
      return pageOfProbe(request, events, request.query);
    },
  );
};
