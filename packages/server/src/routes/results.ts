import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { notFound } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { explainMissingResult } from '../results/explain-missing-result.js';
import { contextOf } from '../app-context.js';
import { Name, PageOf, PageQuery, ReleaseSchema, ResultSchema, withErrors } from '@allot/protocol';

const TestParams = Type.Object({ pool: Name, suite: Name, test: Name });

/** Results of a pool, a suite or one test, and releasing one test's rows. */
export const resultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['results'];

  const listResults = async (workspace: string, pool: string, suite?: string) => {
    const filter = suite === undefined ? { pool } : { pool, suite };
    const results = await contextOf(app).store.listResults(workspace, filter);
    // Results outlive a deleted pool; an unknown pool with none is a 404 like any missing resource.
    if (
      results.length === 0 &&
      (await contextOf(app).store.getPool(workspace, pool)) === undefined
    ) {
      throw notFound(`pool "${pool}" does not exist`);
    }
    return results;
  };

  app.get(
    '/pools/:pool/results',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the results of a pool, optionally of one suite',
        params: Type.Object({ pool: Name }),
        querystring: Type.Intersect([PageQuery, Type.Object({ suite: Type.Optional(Name) })]),
        response: withErrors({ 200: PageOf(ResultSchema) }),
      },
    },
    async (request) => {
      const results = await listResults(
        callerOf(request).workspace,
        request.params.pool,
        request.query.suite,
      );
      return pageOfList(request, results, request.query);
    },
  );

  app.get(
    '/pools/:pool/suites/:suite/results',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the results of a suite',
        params: Type.Object({ pool: Name, suite: Name }),
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(ResultSchema) }),
      },
    },
    async (request) => {
      const results = await listResults(
        callerOf(request).workspace,
        request.params.pool,
        request.params.suite,
      );
      return pageOfList(request, results, request.query);
    },
  );

  app.get(
    '/pools/:pool/suites/:suite/tests/:test/result',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "One test's result: all its rows",
        params: TestParams,
        response: withErrors({ 200: ResultSchema }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const result = await contextOf(app).store.getResult(workspace, request.params);
      if (result === undefined)
        throw await explainMissingResult(contextOf(app).store, workspace, request.params);
      return result;
    },
  );

  app.post(
    '/pools/:pool/suites/:suite/tests/:test/release',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Release one test's rows",
        params: TestParams,
        response: withErrors({ 200: ReleaseSchema }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const { pool, suite, test } = request.params;
      const outcome = await contextOf(app).store.releaseTest(
        workspace,
        { pool, suite, test },
        contextOf(app).clock(),
      );
      await audit(app, request, 'test.release', `pool:${pool}/suite:${suite}/test:${test}`, {
        ...outcome,
      });
      return outcome;
    },
  );
};
