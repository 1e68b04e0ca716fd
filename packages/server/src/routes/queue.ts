import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { QueuedJob } from '@allot/core';
import { PageOf, QueuedJobSchema, QueueQuery, withErrors } from '@allot/protocol';
import { ALLOCATION_WORK_KIND, listWork, readWork } from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError, notFound } from '../errors/http-error.js';
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
 * The work of the caller's workspace: the queue's long work of every kind
 * (webhook deliveries, …) and allocation jobs (kind `allocation`, id the
 * job's number) in one shape, with state, progress and result, as any
 * replica reads it; cancelling stops a queued job from running and aborts
 * a running one (allocation jobs are released instead).
 */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['queue'];

  app.get(
    '/queue',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List queued jobs and allocation jobs, newest first',
        description:
          'Allocation jobs have kind `allocation` and their job number as id; `total` is null when ' +
          'counting would mean reading every allocation job (a state filter over many jobs).',
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
      const { store, queue, clock } = contextOf(app);
      const workspace = callerOf(request).workspace;
      const page = await listWork(store, queue, workspace, filter, { limit, offset }, clock());
      return paged(
        request,
        page.items.map(queuedJobView),
        { limit, offset },
        page.more,
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
        summary: 'Read a queued job or allocation job: state, progress, result or error',
        params: QueuedJobParams,
        response: withErrors({ 200: QueuedJobSchema }),
      },
    },
    async (request) => {
      const { store, queue, clock } = contextOf(app);
      const id = request.params.id;
      const job = await readWork(store, queue, callerOf(request).workspace, id, clock());
      if (job === undefined) throw notFound(`no queued job ${id}`);
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
      const { store, queue, clock } = contextOf(app);
      const workspace = callerOf(request).workspace;
      const work = await readWork(store, queue, workspace, request.params.id, clock());
      if (work?.kind === ALLOCATION_WORK_KIND)
        throw new HttpError(
          'CONFLICT',
          `job ${work.id} is an allocation job: release it (POST /api/v1/jobs/${work.id}/release) instead`,
          'params.id',
        );
      const job = await contextOf(app).queue.cancel(callerOf(request).workspace, request.params.id);
      if (job === undefined) throw notFound(`no queued job ${request.params.id}`);
      await audit(app, request, 'queue.cancel', `queued-job:${job.id}`, { kind: job.kind });
      return queuedJobView(job);
    },
  );
};
