import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';

/** Liveness for load balancers and orchestrators: no key, no store access. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness check (no key needed)',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), store: Type.String() }) },
      },
    },
    () => ({ status: 'ok' as const, store: contextOf(app).store.kind }),
  );
};
