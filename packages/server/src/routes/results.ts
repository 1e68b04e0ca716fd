import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listResults, readResult, releaseTest } from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { pageOfList } from '../pagination.js';
import { odataPage, scalarFields, usesOData } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { ListQuery, Name, PageOf, ReleaseSchema, ResultSchema, withErrors } from '@allot/protocol';

const TestParams = Type.Object({ pool: Name, suite: Name, test: Name });

/** Results of a pool, a suite or one test, and releasing one test's rows. */
export const resultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['results'];
  const resultsOf = (workspace: string, pool: string, suite?: string) =>
    listResults(contextOf(app).store, workspace, suite === undefined ? { pool } : { pool, suite });

  app.get(
    '/pools/:pool/results',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the results of a pool, optionally of one suite',
        params: Type.Object({ pool: Name }),
        querystring: Type.Intersect([ListQuery, Type.Object({ suite: Type.Optional(Name) })]),
        response: withErrors({ 200: PageOf(Type.Partial(ResultSchema)) }),
      },
    },
    async (request) => {
      const results = await resultsOf(
        callerOf(request).workspace,
        request.params.pool,
        request.query.suite,
      );
      if (usesOData(request.query))
        return odataPage(request, results, scalarFields(ResultSchema.properties));
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
        querystring: ListQuery,
        response: withErrors({ 200: PageOf(Type.Partial(ResultSchema)) }),
      },
    },
    async (request) => {
      const results = await resultsOf(
        callerOf(request).workspace,
        request.params.pool,
        request.params.suite,
      );
      if (usesOData(request.query))
        return odataPage(request, results, scalarFields(ResultSchema.properties));
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
      return readResult(contextOf(app).store, callerOf(request).workspace, request.params);
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
      const outcome = await releaseTest(
        contextOf(app).store,
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
