import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listLeases } from '@allot/use-cases';
import { paged } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { LeaseQuery, LeaseSchema, PageOf, withErrors } from '@allot/protocol';

/** Who holds which rows until when. Releasing is the job and test release routes'. */
export const leaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/leases',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['jobs'],
        summary: 'Live leases: each test of a live job that holds rows, newest job first',
        description:
          'Release one with POST /api/v1/pools/{pool}/suites/{suite}/tests/{test}/release, ' +
          'or every lease of a job with POST /api/v1/jobs/{id}/release.',
        querystring: LeaseQuery,
        response: withErrors({ 200: PageOf(LeaseSchema) }),
      },
    },
    async (request) => {
      const { store, clock } = contextOf(app);
      const { limit, offset, pool, job } = request.query;
      const { items, total } = await listLeases(
        store,
        callerOf(request).workspace,
        {
          limit,
          offset,
          ...(pool === undefined ? {} : { pool }),
          ...(job === undefined ? {} : { job }),
        },
        clock(),
      );
      return paged(request, items, request.query, offset + limit < total, total);
    },
  );
};
