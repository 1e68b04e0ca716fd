import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validatePoolObject, type PoolDefinition } from '@allot/core';
import {
  addAllocationTest,
  deleteAllocationTest,
  readAllocationTest,
  readPool,
  saveAllocationTest,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';
import { odataPage, scalarFields, usesOData } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import {
  AllocationTestSchema,
  Name,
  PageOf,
  ListQuery,
  TestBody,
  withErrors,
} from '@allot/protocol';
import { toRawPool, withoutBlockFiles } from '../pools/pool-views.js';
import { contextOf } from '../app-context.js';

const TestParams = Type.Object({ pool: Name, suite: Name, test: Name });

/** The allocation tests of a pool, one by one; every change re-validates the whole pool. */
export const allocationTestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['allocation tests'];
  /** The pool with its tests replaced, validated as a pool file is. */
  const withTests = (pool: PoolDefinition, tests: unknown[]) =>
    withoutBlockFiles(validatePoolObject({ ...toRawPool(pool), tests }, null));

  app.get(
    '/pools/:pool/tests',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "List a pool's allocation tests, optionally of one suite",
        params: Type.Object({ pool: Name }),
        querystring: Type.Intersect([ListQuery, Type.Object({ suite: Type.Optional(Name) })]),
        response: withErrors({ 200: PageOf(Type.Partial(AllocationTestSchema)) }),
      },
    },
    async (request) => {
      const pool = await readPool(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params.pool,
      );
      const suite = request.query.suite;
      const tests = suite === undefined ? pool.tests : pool.tests.filter((t) => t.suite === suite);
      if (usesOData(request.query))
        return odataPage(request, tests, scalarFields(AllocationTestSchema.properties));
      return pageOfList(request, tests, request.query);
    },
  );

  app.post(
    '/pools/:pool/tests',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Add an allocation test to a pool',
        params: Type.Object({ pool: Name }),
        body: TestBody,
        response: withErrors({ 201: AllocationTestSchema }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      const pool = await readPool(contextOf(app).store, workspace, request.params.pool);
      const { suite, test } = request.body;
      if (suite === undefined || test === undefined) {
        throw new HttpError(
          'VALIDATION_FAILED',
          'body.suite and body.test are required',
          suite === undefined ? 'body.suite' : 'body.test',
        );
      }
      const addition = await addAllocationTest(
        contextOf(app).store,
        workspace,
        pool,
        { suite, test },
        () => withTests(pool, [...(toRawPool(pool).tests as unknown[]), request.body]),
      );
      if (addition.kind === 'exists') {
        throw new HttpError(
          'CONFLICT',
          `pool "${pool.name}" already has test "${test}" in suite "${suite}"`,
          'body.test',
        );
      }
      await audit(app, request, 'test.create', `pool:${pool.name}/suite:${suite}/test:${test}`);
      return reply.status(201).send(addition.test);
    },
  );

  app.get(
    '/pools/:pool/suites/:suite/tests/:test',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read an allocation test',
        params: TestParams,
        response: withErrors({ 200: AllocationTestSchema }),
      },
    },
    async (request) => {
      const { pool: name, suite, test } = request.params;
      const pool = await readPool(contextOf(app).store, callerOf(request).workspace, name);
      return readAllocationTest(pool, suite, test);
    },
  );

  app.put(
    '/pools/:pool/suites/:suite/tests/:test',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Create or replace an allocation test',
        params: TestParams,
        body: TestBody,
        response: withErrors({ 200: AllocationTestSchema, 201: AllocationTestSchema }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      const { pool: name, suite, test } = request.params;
      const pool = await readPool(contextOf(app).store, workspace, name);
      const body = { ...request.body, suite, test };
      const raw = toRawPool(pool).tests as Array<{ suite: string; test: string }>;
      const index = raw.findIndex((t) => t.suite === suite && t.test === test);
      const tests = index < 0 ? [...raw, body] : raw.map((t, i) => (i === index ? body : t));
      const saved = await saveAllocationTest(
        contextOf(app).store,
        workspace,
        withTests(pool, tests),
        suite,
        test,
      );
      await audit(
        app,
        request,
        index < 0 ? 'test.create' : 'test.update',
        `pool:${name}/suite:${suite}/test:${test}`,
      );
      return reply.status(index < 0 ? 201 : 200).send(saved);
    },
  );

  app.delete(
    '/pools/:pool/suites/:suite/tests/:test',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete an allocation test',
        params: TestParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      const { pool: name, suite, test } = request.params;
      await deleteAllocationTest(contextOf(app).store, workspace, name, suite, test);
      await audit(app, request, 'test.delete', `pool:${name}/suite:${suite}/test:${test}`);
      return reply.status(204).send(null);
    },
  );
};
