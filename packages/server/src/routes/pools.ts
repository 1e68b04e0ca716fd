import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parsePoolSource, validatePoolObject } from '@allot/core';
import {
  createPool,
  deletePool,
  listPools,
  putPool,
  readPool,
  uploadPoolFile,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList } from '../pagination.js';
import { odataPage, scalarFields, usesOData } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import { checkNestingDepth } from '../uploads/check-nesting-depth.js';
import { installMultipart } from '../uploads/install-multipart.js';
import { readUpload } from '../uploads/read-upload.js';
import { contextOf } from '../app-context.js';
import {
  Name,
  PageOf,
  ListQuery,
  PoolBody,
  PoolSchema,
  PoolSummarySchema,
  withErrors,
} from '@allot/protocol';
import { poolSummary, poolView, withoutBlockFiles } from '../pools/pool-views.js';

const PoolParams = Type.Object({ pool: Name });
const POOL_FILE = /\.(ya?ml|json)$/i;

/** Pools: create, list, read, replace, delete, and upload as a pool file. */
export const poolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['pools'];
  await installMultipart(app);

  app.get(
    '/pools',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List pools (OData $filter, $orderby, $top, $skip, $select, $count)',
        querystring: ListQuery,
        response: withErrors({ 200: PageOf(Type.Partial(PoolSummarySchema)) }),
      },
    },
    async (request) => {
      const pools = await listPools(contextOf(app).store, callerOf(request).workspace);
      if (usesOData(request.query))
        return odataPage(
          request,
          pools.map(poolSummary),
          scalarFields(PoolSummarySchema.properties),
        );
      return pageOfList(request, pools.map(poolSummary), request.query);
    },
  );

  app.post(
    '/pools',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Create a pool from a pool document (the pool file format, as JSON)',
        body: PoolBody,
        response: withErrors({ 201: PoolSchema }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      const pool = withoutBlockFiles(validatePoolObject(request.body, null));
      if ((await createPool(contextOf(app).store, workspace, pool)) === 'exists') {
        throw new HttpError(
          'CONFLICT',
          `pool "${pool.name}" already exists; PUT /api/v1/pools/{pool} replaces it`,
          'body.pool',
        );
      }
      await audit(app, request, 'pool.create', `pool:${pool.name}`);
      return reply.status(201).send(poolView(pool));
    },
  );

  app.post(
    '/pools/upload',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Create or replace a pool from a pool file (YAML or JSON; body or multipart)',
        description:
          'Send the file as application/yaml, text/yaml or multipart/form-data (file name ending .yaml, .yml or .json). ' +
          'Block `file` entries are ignored: upload data blocks with POST /api/v1/blocks/{block}.',
        consumes: ['application/yaml', 'text/yaml', 'multipart/form-data'],
        response: withErrors({ 200: PoolSchema }),
      },
      bodyLimit: contextOf(app).uploadLimit,
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const upload = await readUpload(request, 'application/yaml');
      const name = upload.filename ?? (upload.json ? 'pool.json' : 'pool.yaml');
      if (!POOL_FILE.test(name)) {
        throw new HttpError(
          'VALIDATION_FAILED',
          `pool file "${name}" must end in .yaml, .yml or .json`,
          'body',
        );
      }
      // The YAML parser recurses per level: a deep file must not reach it.
      checkNestingDepth(upload.text, /\.json$/i.test(name) ? 'json' : 'yaml');
      const source = parsePoolSource(upload.text, name);
      const pool = withoutBlockFiles(source.pool);
      await uploadPoolFile(contextOf(app).store, workspace, { ...source, pool }, name);
      await audit(app, request, 'pool.upload', `pool:${pool.name}`, { file: name });
      return poolView(pool);
    },
  );

  app.get(
    '/pools/:pool',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a pool',
        params: PoolParams,
        response: withErrors({ 200: PoolSchema }),
      },
    },
    async (request) =>
      poolView(
        await readPool(contextOf(app).store, callerOf(request).workspace, request.params.pool),
      ),
  );

  app.put(
    '/pools/:pool',
    {
      config: { role: 'manager' },
      schema: {
        tags,
        summary: 'Create or replace a pool',
        params: PoolParams,
        body: PoolBody,
        response: withErrors({ 200: PoolSchema, 201: PoolSchema }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      if (request.body.pool !== request.params.pool) {
        throw new HttpError(
          'VALIDATION_FAILED',
          `body.pool "${request.body.pool}" differs from the path's pool "${request.params.pool}"`,
          'body.pool',
        );
      }
      const pool = withoutBlockFiles(validatePoolObject(request.body, null));
      const existed = (await putPool(contextOf(app).store, workspace, pool)) === 'replaced';
      await audit(app, request, existed ? 'pool.update' : 'pool.create', `pool:${pool.name}`);
      return reply.status(existed ? 200 : 201).send(poolView(pool));
    },
  );

  app.delete(
    '/pools/:pool',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a pool (results and leases stay)',
        params: PoolParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      await deletePool(contextOf(app).store, workspace, request.params.pool);
      await audit(app, request, 'pool.delete', `pool:${request.params.pool}`);
      return reply.status(204).send(null);
    },
  );
};
