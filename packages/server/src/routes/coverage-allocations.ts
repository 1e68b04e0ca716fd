import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  allocateCoverage,
  coverageAllocationReport,
  planCoverageAllocation,
  putPool,
  trackJob,
} from '@allot/use-cases';
import {
  AllocateCoverageBody,
  CatalogueIdSchema,
  CoverageAllocationSchema,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';
import { ProjectParam } from './determining-attributes.js';
import { emptyBodyAsObject } from './empty-body.js';

/**
 * Allocation by coverage: a calculated coverage becomes a pool named after
 * its set version, run as one allocation job like any bundle (distinct
 * rows, leases, makes), so the job's results are read from that pool.
 */
export const coverageAllocationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, runner, servers, clock, syncWaitMs } = contextOf(app);

  app.post(
    '/projects/:project/coverage-sets/:id/allocate',
    {
      preValidation: emptyBodyAsObject,
      config: { role: 'tester' },
      schema: {
        tags: ['coverage'],
        summary:
          'Allocate the calculated coverage of a coverage set version: rows per combination, made when none qualifies, or the fewest existing rows covering every tuple',
        description:
          'Answers 200 with the report when the job ends within `waitMs`, else 202 with the job id ' +
          '(follow it at `/api/v1/jobs/{id}`; its tests are named after the combinations). ' +
          'A dry run stores nothing.',
        params: Type.Object({ project: ProjectParam, id: CatalogueIdSchema }),
        body: AllocateCoverageBody,
        response: withErrors({ 200: CoverageAllocationSchema, 202: CoverageAllocationSchema }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = request.body;
      const allocation = {
        workspace: caller.workspace,
        project: { id: request.params.project },
        coverageSet: { id: request.params.id },
        ...(body.calculation === undefined ? {} : { calculation: body.calculation }),
        ...(body.key === undefined ? {} : { key: body.key }),
        ...(body.makes === undefined ? {} : { makes: body.makes }),
      };
      if (body.dryRun === true) {
        return reply
          .status(200)
          .send(await allocateCoverage(store, allocation, { dryRun: true, clock }));
      }
      const plan = await planCoverageAllocation(store, allocation);
      await putPool(store, caller.workspace, plan.pool);
      const { server } = servers.resolve(undefined, caller.workspace, 'body.server');
      const job = await runner.start({
        workspace: caller.workspace,
        server,
        tests: plan.tests,
        createdUser: caller.user,
        keyId: caller.keyId,
        ...(body.ttlSeconds === undefined ? {} : { ttlSeconds: body.ttlSeconds }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
      });
      await audit(app, request, 'coverage.allocate', `job:${job.id}`, {
        pool: plan.pool.name,
        mode: plan.mode,
        tests: plan.tests.length,
      });
      const done = await runner.wait(job, body.waitMs ?? syncWaitMs);
      const status = await trackJob(store, caller.workspace, job.id, clock());
      const report = coverageAllocationReport(plan, {
        id: job.id,
        state: status.state,
        dryRun: false,
        tests: status.tests,
      });
      if (done) return reply.status(200).send(report);
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(report);
    },
  );
};
