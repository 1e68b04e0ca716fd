import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Value } from '@allot/core';
import { readResult, trackJob } from '@allot/use-cases';
import { Type, type TProperties } from 'typebox';
import { audit } from '../../audit.js';
import { callerOf } from '../../plugins/authenticate.js';
import { contextOf } from '../../app-context.js';
import {
  Name,
  RowObjectSchema,
  VendorJobSchema as CuriosityJobSchema,
  withErrors,
} from '@allot/protocol';
import { toCuriosityJob } from './curiosity-job.js';
import { RESULT_VALUE_TYPE, resultValueJson } from './result-value-json.js';

export interface CuriosityRoutesOptions {
  /** Registered under `/api/apikey/:apiKey` (key in the path) or under `/api` (key in a header). */
  keyInPath: boolean;
}

const ExecuteBody = Type.Array(
  Type.Object({
    allocationTestName: Name,
    suiteName: Name,
    poolName: Type.Optional(Name),
  }),
  { minItems: 1, maxItems: 10_000 },
);

const MergeMethod = Type.Enum(['NoMerge', 'MinimumProductLoopBack', 'CartesianProduct']);

/**
 * Curiosity's allocation protocol, as its public clients call it: execute,
 * job tracking, and both ways of reading a test's values. Each route
 * translates the wire shapes around a use case and holds no rule of its own.
 */
export const curiosityRoutes: FastifyPluginAsyncTypebox<CuriosityRoutesOptions> = async (
  app,
  options,
) => {
  const tag = options.keyInPath ? 'vendor (key in path)' : 'vendor (key in header)';
  const params = <T extends TProperties>(props: T) =>
    options.keyInPath
      ? Type.Object({ apiKey: Type.String({ minLength: 1 }), ...props })
      : Type.Object(props);

  app.post(
    '/allocation-pool/:pool/resolve/server/:server/execute',
    {
      config: { role: 'tester' },
      schema: {
        tags: [tag],
        summary: 'Run a list of allocation tests as one job on a resolution server',
        params: params({ pool: Name, server: Name }),
        body: ExecuteBody,
        response: withErrors({ 200: CuriosityJobSchema }),
      },
    },
    async (request) => {
      const { store, runner, servers, syncWaitMs, clock } = contextOf(app);
      const caller = callerOf(request);
      const { server, fallback } = servers.resolve(
        request.params.server,
        caller.workspace,
        'params.server',
      );
      const tests = request.body.map((item) => ({
        pool: item.poolName ?? request.params.pool,
        suite: item.suiteName,
        test: item.allocationTestName,
      }));
      const job = await runner.start({
        workspace: caller.workspace,
        server,
        tests,
        createdUser: caller.user,
        keyId: caller.keyId,
      });
      await audit(app, request, 'job.execute', `job:${job.id}`, {
        server: server.name,
        ...(fallback ? { requestedServer: request.params.server } : {}),
        tests: tests.length,
        via: 'vendor',
      });
      await runner.wait(job, syncWaitMs);
      return toCuriosityJob(
        await trackJob(store, caller.workspace, job.id, clock()),
        caller.workspace,
      );
    },
  );

  app.get(
    '/job/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags: [tag],
        summary: 'Track a job',
        params: params({ id: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: withErrors({ 200: CuriosityJobSchema }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const { store, clock } = contextOf(app);
      return toCuriosityJob(
        await trackJob(store, workspace, request.params.id, clock()),
        workspace,
      );
    },
  );

  app.get(
    '/allocation-pool/:pool/suite/:suite/allocated-test/:test/result/value',
    {
      config: { role: 'viewer' },
      schema: {
        tags: [tag],
        summary: "A test's values as a flat {column: value} object of strings (its first row)",
        params: params({ pool: Name, suite: Name, test: Name }),
        response: withErrors({ 200: Type.Record(Type.String(), Type.String()) }),
      },
    },
    async (request, reply) => {
      // The params name the test (pool, suite, test): no copy of them per request.
      const result = await readResult(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params,
      );
      // A string with a JSON content type goes out as it is, without the serializer.
      const json = resultValueJson(result) as unknown as Record<string, string>;
      return reply.type(RESULT_VALUE_TYPE).send(json);
    },
  );

  app.post(
    '/allocation-pool/suite/allocated-test/result/value',
    {
      config: { role: 'viewer' },
      schema: {
        tags: [tag],
        summary: "A test's allocated rows, as the vendor's current clients read them",
        params: params({}),
        querystring: Type.Object({ mergeMethod: Type.Optional(MergeMethod) }),
        body: Type.Object({ pool: Name, suite: Name, testName: Name }),
        response: withErrors({ 200: Type.Object({ dataRows: Type.Array(RowObjectSchema) }) }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const ref = {
        pool: request.body.pool,
        suite: request.body.suite,
        test: request.body.testName,
      };
      const result = await readResult(contextOf(app).store, workspace, ref);
      // One find per test: every merge method yields the rows as they are.
      return { dataRows: result.rows.map((row) => ordered(result.columns, row)) };
    },
  );
};

function ordered(columns: readonly string[], row: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const column of columns) out[column] = row[column] ?? null;
  return out;
}
