import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MadeRowRecord } from '@allot/core';
import { listMadeRows, queueTopUp } from '@allot/use-cases';
import {
  MadeRowQuery,
  MadeRowSchema,
  Name,
  PageOf,
  TopUpQueuedSchema,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfProbe } from '../pagination.js';
import { notFound } from '../errors/http-error.js';
import { callerOf } from '../plugins/authenticate.js';

const PoolParams = Type.Object({ pool: Name });

/** A made row as the API shows it: values by column; the teardown's headers name variables, not values. */
function madeRowView(row: MadeRowRecord) {
  const values: Record<string, unknown> = {};
  row.columns.forEach((column, index) => (values[column] = row.values[index] ?? null));
  const { workspace: _workspace, columns: _columns, values: _values, ...rest } = row;
  return { ...rest, values };
}

/**
 * Made rows' lifecycle: the rows makes created with a teardown (or ahead of
 * demand) and where their teardown is; a pool's forecast with its top-up
 * watermarks; and a top-up queued by hand.
 */
export const madeRowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['made rows'];

  app.get(
    '/made-rows',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List made rows with a lifecycle, newest first (`state=failed`: failed teardowns)',
        querystring: MadeRowQuery,
        response: withErrors({ 200: PageOf(MadeRowSchema) }),
      },
    },
    async (request) => {
      const { state, pool, origin, limit, offset } = request.query;
      const filter = {
        ...(state === undefined ? {} : { state }),
        ...(pool === undefined ? {} : { pool }),
        ...(origin === undefined ? {} : { origin }),
      };
      // One more than the page tells whether a next page exists.
      const rows = await listMadeRows(contextOf(app).store, callerOf(request).workspace, filter, {
        limit: limit + 1,
        offset,
      });
      return pageOfProbe(request, rows.map(madeRowView), { limit, offset });
    },
  );

  app.post(
    '/pools/:pool/top-up',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: "Queue a top-up of the pool's finds to their high watermarks",
        params: PoolParams,
        response: withErrors({ 202: TopUpQueuedSchema }),
      },
    },
    async (request, reply) => {
      const context = contextOf(app);
      const { workspace } = callerOf(request);
      const pool = await context.store.getPool(workspace, request.params.pool);
      if (pool === undefined) throw notFound(`pool "${request.params.pool}" does not exist`);
      const jobs = await queueTopUp(context.store, context.queue, workspace, [pool.name]);
      await audit(app, request, 'pool.top-up', `pool:${pool.name}`);
      return reply.status(202).send({ jobs });
    },
  );
};
