import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createBusinessRule,
  deleteBusinessRule,
  listBusinessRules,
  readBusinessRule,
  updateBusinessRule,
} from '@allot/use-cases';
import { withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { requireAdmin, requireEditor, tdoCaller, type TdoCaller } from './tdo-auth.js';
import { TdoCoverageBody, TdoIdParams, type TdoContext } from './tdo-context.js';
import { entityOf, entityWithId } from './tdo-entity.js';
import { tdoBusinessRule } from './tdo-views.js';

const Rule = Type.Unknown({ description: 'a business rule with its id and conditions' });

/**
 * The reference's business rule routes. The context names the coverage set
 * version; creating, updating and deleting need the caller's lock on it,
 * deleting the Admin role too. Each change is an event
 * (`rule.created`, `rule.updated`, `rule.deleted`) for filterRuleEvents.
 */
export const tdoBusinessRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['TDO: business rules'];
  const { store, events } = contextOf(app);
  const inSet = (
    caller: TdoCaller,
    context: TdoContext & { coverage: { name: string; version: string } },
  ) => ({
    workspace: caller.acting.workspace,
    project: caller.project,
    coverageSet: { name: context.coverage.name, version: context.coverage.version },
  });

  app.post(
    '/1.0/API/businessRule',
    {
      schema: {
        tags,
        summary:
          'Create a business rule in the coverage set version of the context (locked by you)',
        body: TdoCoverageBody,
        response: withErrors({ 200: Rule }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      requireEditor(caller);
      const rule = await createBusinessRule(
        store,
        events,
        { ...inSet(caller, context), rule: entityOf(request.body), path: 'entity' },
        caller.acting,
      );
      return tdoBusinessRule(rule, context.project);
    },
  );

  app.patch(
    '/1.0/API/businessRule',
    {
      schema: {
        tags,
        summary: "Update a business rule's conditions by entity.id (the set locked by you)",
        body: TdoCoverageBody,
        response: withErrors({ 200: Rule }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      requireEditor(caller);
      const { id, changes } = entityWithId(request.body);
      const rule = await updateBusinessRule(
        store,
        events,
        { ...inSet(caller, context), id, rule: changes, path: 'entity' },
        caller.acting,
      );
      return tdoBusinessRule(rule, context.project);
    },
  );

  app.delete(
    '/1.0/API/businessRule/:id',
    {
      schema: {
        tags,
        summary: 'Delete a business rule (Admin only, the set locked by you); answers true',
        params: TdoIdParams,
        body: TdoCoverageBody,
        response: withErrors({ 200: Type.Boolean() }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      requireAdmin(caller);
      await deleteBusinessRule(
        store,
        events,
        { ...inSet(caller, context), id: request.params.id },
        caller.acting,
      );
      return true;
    },
  );

  app.post(
    '/1.0/API/businessRules',
    {
      schema: {
        tags,
        summary: 'Get all business rules of the coverage set version of the context',
        body: TdoCoverageBody,
        response: withErrors({ 200: Type.Array(Rule) }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      const rules = await listBusinessRules(store, inSet(caller, context));
      return rules.map((rule) => tdoBusinessRule(rule, context.project));
    },
  );

  app.post(
    '/1.0/API/businessRule/:id',
    {
      schema: {
        tags,
        summary: 'Get the details of a business rule',
        params: TdoIdParams,
        body: TdoCoverageBody,
        response: withErrors({ 200: Rule }),
      },
    },
    async (request) => {
      const { context } = request.body;
      const caller = await tdoCaller(app, request, context);
      const rule = await readBusinessRule(store, {
        ...inSet(caller, context),
        id: request.params.id,
      });
      return tdoBusinessRule(rule, context.project);
    },
  );
};
