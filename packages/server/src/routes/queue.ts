import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { QueuedJob } from '@allot/core';
import { PageOf, QueuedJobSchema, QueueQuery, withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { notFound } from '../errors/http-error.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { paged } from '../pagination.js';

const QueuedJobParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A queued job as the API shows it: without its workspace, which the caller knows. */
export function queuedJobView(job: QueuedJob) {
  const { workspace: _workspace, ...view } = job;
  return view;
}

/**
 * The work queue of the caller's workspace: long work of every kind
 * (webhook deliveries, …) with its state and progress, as any replica reads
 * it; cancelling stops a queued job from running and aborts a running one.
 */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['queue'];

  app.get(
    '/queue',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List queued jobs, newest first',
        querystring: QueueQuery,
        response: withErrors({ 200: PageOf(QueuedJobSchema) }),
      },
    },
    async (request) => {
      const { state, kind, limit, offset } = request.query;
      const filter = {
        ...(state === undefined ? {} : { state }),
        ...(kind === undefined ? {} : { kind }),
      };
      const page = await contextOf(app).queue.list(callerOf(request).workspace, filter, {
        limit,
        offset,
      });
      return paged(
        request,
        page.jobs.map(queuedJobView),
        { limit, offset },
        offset + limit < page.total,
        page.total,
      );
    },
  );

  app.get(
    '/queue/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a queued job: state, progress, result or error',
        params: QueuedJobParams,
        response: withErrors({ 200: QueuedJobSchema }),
      },
    },
    async (request) => {
      const job = await contextOf(app).queue.get(callerOf(request).workspace, request.params.id);
      if (job === undefined) throw notFound(`no queued job ${request.params.id}`);
      return queuedJobView(job);
    },
  );

  app.post(
    '/queue/:id/cancel',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Cancel a queued or running job',
        description: 'A job that has finished is returned unchanged.',
        params: QueuedJobParams,
        response: withErrors({ 200: QueuedJobSchema }),
      },
    },
    async (request) => {
      const job = await contextOf(app).queue.cancel(callerOf(request).workspace, request.params.id);
      if (job === undefined) throw notFound(`no queued job ${request.params.id}`);
      await audit(app, request, 'queue.cancel', `queued-job:${job.id}`, { kind: job.kind });
      return queuedJobView(job);
    },
  );
};
