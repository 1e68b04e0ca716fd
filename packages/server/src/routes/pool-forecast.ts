import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { forecastPool } from '@allot/use-cases';
import { Type } from 'typebox';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { ForecastQuery, Name, PoolForecastSchema, withErrors } from '@allot/protocol';

/** Will a pool run dry, and when: a dry run of its tests and the rate past jobs took rows at. */
export const poolForecastRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/pools/:pool/forecast',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['pools'],
        summary: "A pool's supply per find, and when each runs out at the recent rate",
        description:
          'A dry run of every test of the pool on `server` (the workspace default when omitted; nothing is written): ' +
          'per find the demand, the qualifying, free, leased and consumed rows, the top-up watermarks and the rows ' +
          'made ahead; and the rows the jobs of the last ' +
          '`days` days gave its tests, per day, as a rate and the time the free rows run out at it.',
        params: Type.Object({ pool: Name }),
        querystring: ForecastQuery,
        response: withErrors({ 200: PoolForecastSchema }),
      },
    },
    async (request) => {
      const { store, servers, clock } = contextOf(app);
      const { workspace } = callerOf(request);
      const { server } = servers.resolve(request.query.server, workspace, 'querystring.server');
      const view = await forecastPool(store, workspace, request.params.pool, {
        now: clock(),
        days: request.query.days,
        execute: (s, options) => server.execute(s, options),
      });
      return { ...view, server: server.name };
    },
  );
};
