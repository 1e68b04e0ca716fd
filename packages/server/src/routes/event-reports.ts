import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eventReport } from '@allot/use-cases';
import { EventReportNameSchema, EventReportQuerySchema, withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';

/**
 * The event reports TDO offers (sessions, business rule changes, coverage
 * calculations, block content retrievals, data assemblies), over the
 * caller's workspace's event log. Dates are UTC days: `startdate`
 * inclusive, `enddate` exclusive.
 */
export const eventReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/event-reports/:report',
    {
      config: { role: 'manager' },
      schema: {
        tags: ['events'],
        summary:
          'An event report (sessions, filterRules, calculateCoverage, blockRetrieve, dataAssembly)',
        params: Type.Object({ report: EventReportNameSchema }),
        querystring: EventReportQuerySchema,
        response: withErrors({ 200: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
      },
    },
    async (request) =>
      eventReport(contextOf(app).store, {
        workspace: callerOf(request).workspace,
        report: request.params.report,
        ...request.query,
      }),
  );
};
