import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { calculateSetCoverage, readCoverageDataSet } from '@allot/use-cases';
import { withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
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
 */
export const tdoCalculateCoverageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['TDO: calculate coverage'];
  const { store, events } = contextOf(app);

  app.post(
    '/1.0/API/calculateCoverage',
    {
      schema: {
        tags,
        summary:
          'Calculate the coverage of the context’s coverage set version (entity: strength, seed); records coverage.calculated',
        body: TdoCoverageBody,
        response: withErrors({ 200: DataSet }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      requireEditor(caller);
      const entity = request.body.entity ?? {};
      const where = { workspace: caller.acting.workspace, project: caller.project };
      const result = await calculateSetCoverage(
        store,
        events,
        {
          ...where,
          coverageSet: context.coverage,
          ...(entity['strength'] === undefined
            ? {}
            : { strength: entity['strength'] as number | 'all' }),
          ...(entity['seed'] === undefined ? {} : { seed: entity['seed'] as number | string }),
        },
        caller.acting,
      );
      const data = await readCoverageDataSet(store, {
        ...where,
        coverageSet: context.coverage.name,
        version: context.coverage.version,
        calculation: result.version,
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
