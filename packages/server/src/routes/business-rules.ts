import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createBusinessRule,
  deleteBusinessRule,
  listBusinessRules,
  readBusinessRule,
  readCoverageDataSet,
  readCoverageSet,
  updateBusinessRule,
} from '@allot/use-cases';
import {
  BusinessRuleBodySchema,
  BusinessRuleSchema,
  CalculateCoverageBody,
  CatalogueIdSchema,
  CoverageDataSetSchema,
  QueuedJobSchema,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';
import { businessRuleView, coverageDataSetView } from './coverage-views.js';
import { emptyBodyAsObject } from './empty-body.js';
import { ProjectParam } from './determining-attributes.js';
import { queueCoverageCalculation } from '../coverage/coverage-calculation-job.js';
import { queuedJobView } from './queue.js';

/**
 * Business rules of a coverage set version, and its calculated coverage.
 * Changing rules needs the caller's lock on the set version; deleting one
 * needs the admin role too. Calculating stores the result, read again as
 * the set version's coverage data set.
 */
export const businessRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['coverage'];
  const { store, events, queue, syncWaitMs } = contextOf(app);
  const SetParams = Type.Object({ project: ProjectParam, id: CatalogueIdSchema });
  const RuleParams = Type.Object({
    project: ProjectParam,
    id: CatalogueIdSchema,
    rule: CatalogueIdSchema,
  });
  const inSet = (params: { project: number; id: string }, workspace: string) => ({
    workspace,
    project: { id: params.project },
    coverageSet: { id: params.id },
  });

  app.post(
    '/projects/:project/coverage-sets/:id/rules',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Add a business rule to a coverage set version you hold locked (rule.created)',
        params: SetParams,
        body: BusinessRuleBodySchema,
        response: withErrors({ 201: BusinessRuleSchema }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      const rule = await createBusinessRule(
        store,
        events,
        { ...inSet(request.params, acting.workspace), rule: request.body },
        acting,
      );
      return reply.status(201).send(businessRuleView(rule));
    },
  );

  app.get(
    '/projects/:project/coverage-sets/:id/rules',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The business rules of a coverage set version, oldest first',
        params: SetParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(BusinessRuleSchema) }) }),
      },
    },
    async (request) => ({
      items: (
        await listBusinessRules(store, inSet(request.params, callerOf(request).workspace))
      ).map(businessRuleView),
    }),
  );

  app.get(
    '/projects/:project/coverage-sets/:id/rules/:rule',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a business rule',
        params: RuleParams,
        response: withErrors({ 200: BusinessRuleSchema }),
      },
    },
    async (request) =>
      businessRuleView(
        await readBusinessRule(store, {
          ...inSet(request.params, callerOf(request).workspace),
          id: request.params.rule,
        }),
      ),
  );

  app.patch(
    '/projects/:project/coverage-sets/:id/rules/:rule',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Replace a rule's conditions, the set version locked by you (rule.updated)",
        params: RuleParams,
        body: BusinessRuleBodySchema,
        response: withErrors({ 200: BusinessRuleSchema }),
      },
    },
    async (request) => {
      const acting = actingOf(app, request);
      return businessRuleView(
        await updateBusinessRule(
          store,
          events,
          {
            ...inSet(request.params, acting.workspace),
            id: request.params.rule,
            rule: request.body,
          },
          acting,
        ),
      );
    },
  );

  app.delete(
    '/projects/:project/coverage-sets/:id/rules/:rule',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a business rule, the set version locked by you (rule.deleted)',
        params: RuleParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      await deleteBusinessRule(
        store,
        events,
        { ...inSet(request.params, acting.workspace), id: request.params.rule },
        acting,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/projects/:project/coverage-sets/:id/calculate',
    {
      preValidation: emptyBodyAsObject,
      config: { role: 'tester' },
      schema: {
        tags,
        summary:
          'Calculate the coverage of a coverage set version (all, or n-wise), store it and record coverage.calculated',
        description:
          'The calculation runs in the work queue, in a worker thread, so a big model holds up no request. ' +
          'Answers 201 with the data set when it ends within `waitMs` (default the server sync wait), ' +
          'else 202 with the queued job (`/api/v1/queue/{id}`, progress included; its result names the calculation).',
        params: SetParams,
        body: CalculateCoverageBody,
        response: withErrors({ 201: CoverageDataSetSchema, 202: QueuedJobSchema }),
      },
    },
    async (request, reply) => {
      const acting = actingOf(app, request);
      // Unknown sets answer 404 here, before anything is queued.
      const set = await readCoverageSet(store, inSet(request.params, acting.workspace));
      const { waitMs, ...options } = request.body;
      const queued = await queueCoverageCalculation(
        queue,
        acting.workspace,
        {
          project: request.params.project,
          coverageSet: set.id,
          strength: options.strength ?? null,
          seed: options.seed ?? null,
          effort: options.effort ?? null,
          actor: acting.actor,
          user: acting.user,
          ip: acting.ip,
        },
        waitMs ?? syncWaitMs,
      );
      if (!queued.done) {
        return reply
          .status(202)
          .header('location', `/api/v1/queue/${queued.job.id}`)
          .send(queuedJobView(queued.job));
      }
      const data = await readCoverageDataSet(store, {
        workspace: acting.workspace,
        project: { id: request.params.project },
        coverageSet: set.name,
        version: set.version,
        calculation: queued.calculation,
      });
      return reply.status(201).send(coverageDataSetView(data));
    },
  );

  app.get(
    '/projects/:project/coverage-sets/:id/coverage',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary:
          'The calculated coverage of a coverage set version (its latest calculation, or `?calculation=`)',
        params: SetParams,
        querystring: Type.Object({
          calculation: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
        response: withErrors({ 200: CoverageDataSetSchema }),
      },
    },
    async (request) => {
      const workspace = callerOf(request).workspace;
      const set = await readCoverageSet(store, inSet(request.params, workspace));
      return coverageDataSetView(
        await readCoverageDataSet(store, {
          workspace,
          project: { id: request.params.project },
          coverageSet: set.name,
          version: set.version,
          ...(request.query.calculation === undefined
            ? {}
            : { calculation: request.query.calculation }),
        }),
      );
    },
  );
};
