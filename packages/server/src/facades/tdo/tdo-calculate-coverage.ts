import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readCoverageDataSet, readCoverageSet, readProject } from '@allot/use-cases';
import { QueuedJobSchema, withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { queueCoverageCalculation } from '../../coverage/coverage-calculation-job.js';
import { queuedJobView } from '../../routes/queue.js';
import { requireEditor, tdoCaller } from './tdo-auth.js';
import { TdoCoverageBody } from './tdo-context.js';
import { tdoCoverageDataSet } from './tdo-views.js';

const DataSet = Type.Unknown({
  description: 'the coverage report and the combinations as columns and rows',
});

/**
 * Calculate coverage, which the reference offers in its UI and reports on
 * (calculateCoverageEvents) but documents no route for: the context names
 * the coverage set version, `entity` the strength (`all` or 1–6, default 2)
 * and the seed. The result is stored; `coverageDataSet` reads it again.
 * The calculation runs in the work queue (in a worker thread); the route
 * waits for it up to `entity.waitMs` (default the server's sync wait) and
 * answers as before, or 202 with the queued job when a big model takes longer.
 */
export const tdoCalculateCoverageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['TDO: calculate coverage'];
  const { store, queue, syncWaitMs } = contextOf(app);

  app.post(
    '/1.0/API/calculateCoverage',
    {
      schema: {
        tags,
        summary:
          'Calculate the coverage of the context’s coverage set version (entity: strength, seed); records coverage.calculated',
        body: TdoCoverageBody,
        response: withErrors({ 200: DataSet, 202: QueuedJobSchema }),
      },
    },
    async (request, reply) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      requireEditor(caller);
      const entity = request.body.entity ?? {};
      const where = { workspace: caller.acting.workspace, project: caller.project };
      const set = await readCoverageSet(store, { ...where, coverageSet: context.coverage });
      const queued = await queueCoverageCalculation(
        queue,
        caller.acting.workspace,
        {
          project: (await readProject(store, where.workspace, where.project)).id,
          coverageSet: set.id,
          strength: (entity['strength'] as number | 'all' | undefined) ?? null,
          seed: (entity['seed'] as number | string | undefined) ?? null,
          effort: null,
          actor: caller.acting.actor,
          user: caller.acting.user,
          ip: caller.acting.ip,
        },
        typeof entity['waitMs'] === 'number' ? entity['waitMs'] : syncWaitMs,
      );
      if (!queued.done) return reply.status(202).send(queuedJobView(queued.job));
      const data = await readCoverageDataSet(store, {
        ...where,
        coverageSet: context.coverage.name,
        version: context.coverage.version,
        calculation: queued.calculation,
      });
      return tdoCoverageDataSet(data, context.project);
    },
  );

  app.post(
    '/1.0/API/coverageDataSet',
    {
      schema: {
        tags,
        summary: 'The latest calculated coverage of the context’s coverage set version',
        body: TdoCoverageBody,
        response: withErrors({ 200: DataSet }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      const data = await readCoverageDataSet(store, {
        workspace: caller.acting.workspace,
        project: caller.project,
        coverageSet: context.coverage.name,
        version: context.coverage.version,
      });
      return tdoCoverageDataSet(data, context.project);
    },
  );
};
