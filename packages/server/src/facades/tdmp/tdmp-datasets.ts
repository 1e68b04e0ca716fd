import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createSyntheticDataset,
  deleteSyntheticDataset,
  exportDatasetToS3,
  listSyntheticDatasets,
  readSyntheticDataset,
  readSyntheticDatasetFile,
  regenerateSyntheticDataset,
  type SyntheticDatasetView,
} from '@allot/use-cases';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { actingOf } from '../../audit.js';
import { callerOf } from '../../plugins/authenticate.js';
import { sendDatasetFile } from '../../synth/send-dataset-file.js';
import { ALL, TdmpIdParams, TdmpPage, tdmpProjectAccess } from './tdmp-schemas.js';
import { notFound } from '../../errors/http-error.js';
import { asValidation } from './tdmp-integrations.js';

const Id = TdmpIdParams.properties.id;
const Format = Type.Union([
  Type.Literal('csv'),
  Type.Literal('json'),
  Type.Literal('jsonl'),
  Type.Literal('xml'),
  Type.Literal('sql'),
]);

const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  project_id: Id,
  schema_id: Id,
  constraint_set_id: Type.Optional(Type.Union([Id, Type.Null()])),
  record_count: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  types: Type.Optional(Type.Array(Format, { minItems: 1, maxItems: 5 })),
  params: Type.Optional(
    Type.Object({
      seed: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 200 })])),
      locale: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
      batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
      file_split: Type.Optional(Type.Integer({ minimum: 1 })),
      block: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' })),
    }),
  ),
});

/** A dataset as TDMP shows it: `status` is queued, running, completed or failed. */
export function tdmpDatasetView(dataset: SyntheticDatasetView) {
  return {
    dataset_id: dataset.id,
    id: dataset.id,
    name: dataset.name,
    project_id: dataset.project,
    schema_id: dataset.schema,
    constraint_set_id: dataset.constraintSet,
    record_count: dataset.recordCount,
    types: dataset.formats,
    params: {
      seed: dataset.params.seed,
      locale: dataset.params.locale,
      batch_size: dataset.params.batchSize,
      file_split: dataset.params.fileSplit,
      block: dataset.params.block,
    },
    status: dataset.status,
    progress:
      dataset.progress === null || dataset.progress.total === 0
        ? dataset.status === 'completed'
          ? 100
          : 0
        : Math.floor((100 * dataset.progress.done) / dataset.progress.total),
    error: dataset.error?.message ?? null,
    files: dataset.files.map((f) => ({
      format: f.format,
      file_index: f.index,
      entity: f.entity,
      file_name: f.name,
      records: f.records,
      size: f.bytes,
      sha256: f.sha256,
    })),
    blocks: dataset.blocks,
    created_by: dataset.createdBy,
    created_at: dataset.createdAt,
    completed_at: dataset.finishedAt,
  };
}

/**
 * TDMP's dataset routes, the export of a dataset's files to an S3
 * integration, and the download, `GET /data/{id}?format=&file_index=`.
 * Creating queues the generation at once, so `generate/{id}` queues it
 * again only for a dataset that failed or whose queued job is gone.
 */
export const tdmpDatasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, queue, objectStorage } = contextOf(app);

  app.post(
    '/datasets/create',
    { config: { role: 'tester' }, schema: { hide, body: CreateBody } },
    async (request, reply) => {
      const body = request.body;
      if (!(await tdmpProjectAccess(app, request).visible(body.project_id)))
        throw notFound('Project not found');
      const params = body.params ?? {};
      const dataset = await createSyntheticDataset(
        store,
        queue,
        {
          project: body.project_id,
          name: body.name,
          schema: body.schema_id,
          constraintSet: body.constraint_set_id ?? null,
          recordCount: body.record_count,
          ...(body.types === undefined ? {} : { formats: body.types }),
          params: {
            ...(params.seed === undefined ? {} : { seed: params.seed }),
            ...(params.locale === undefined ? {} : { locale: params.locale }),
            ...(params.batch_size === undefined ? {} : { batchSize: params.batch_size }),
            ...(params.file_split === undefined ? {} : { fileSplit: params.file_split }),
            ...(params.block === undefined ? {} : { block: params.block }),
          },
        },
        actingOf(app, request),
      );
      return reply.status(201).send(tdmpDatasetView({ ...dataset, progress: null }));
    },
  );

  app.get(
    '/datasets',
    {
      config: { role: 'viewer' },
      schema: { hide, querystring: Type.Object({ project_id: Type.Optional(Id), ...TdmpPage }) },
    },
    async (request) => {
      const { project_id, limit, offset } = request.query;
      const datasets = await listSyntheticDatasets(store, queue, {
        workspace: callerOf(request).workspace,
        project: project_id,
        page: ALL,
      });
      return (await tdmpProjectAccess(app, request).page(datasets, { limit, offset })).map(
        tdmpDatasetView,
      );
    },
  );

  const visibleDataset = async (request: FastifyRequest, id: number) =>
    tdmpProjectAccess(app, request).check(
      await readSyntheticDataset(store, queue, { workspace: callerOf(request).workspace, id }),
      'Dataset',
    );

  app.get(
    '/datasets/:id',
    { config: { role: 'viewer' }, schema: { hide, params: TdmpIdParams } },
    async (request) => tdmpDatasetView(await visibleDataset(request, request.params.id)),
  );

  app.get(
    '/datasets/generate/:id',
    { config: { role: 'tester' }, schema: { hide, params: TdmpIdParams } },
    async (request) => {
      await visibleDataset(request, request.params.id);
      return tdmpDatasetView(
        await regenerateSyntheticDataset(
          store,
          queue,
          { id: request.params.id },
          actingOf(app, request),
        ),
      );
    },
  );

  app.delete(
    '/datasets/:id',
    { config: { role: 'admin' }, schema: { hide, params: TdmpIdParams } },
    async (request) => {
      await visibleDataset(request, request.params.id);
      await deleteSyntheticDataset(store, queue, { id: request.params.id }, actingOf(app, request));
      return { detail: 'Dataset deleted' };
    },
  );

  app.post(
    '/datasets/:id/export-s3',
    {
      config: { role: 'tester' },
      schema: {
        hide,
        params: TdmpIdParams,
        body: Type.Object({ integration_id: Type.String({ minLength: 1, maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      await visibleDataset(request, request.params.id);
      const exported = await asValidation(
        () =>
          exportDatasetToS3(
            store,
            queue,
            objectStorage,
            { dataset: request.params.id, integration: request.body.integration_id },
            actingOf(app, request),
          ),
        { integration: 'body.integration_id' },
      );
      return reply.status(202).send({
        detail: 'Export queued',
        status: 'queued',
        dataset_id: exported.dataset,
        integration_id: exported.integration,
        bucket: exported.bucket,
        prefix: exported.prefix,
        manifest_key: exported.manifest,
        objects: exported.objects.map((o) => ({
          key: o.key,
          format: o.format,
          file_index: o.index,
          size: o.bytes,
        })),
        job_id: exported.queuedJob,
      });
    },
  );

  app.get(
    '/data/:id',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        params: TdmpIdParams,
        querystring: Type.Object({
          format: Type.Optional(Format),
          file_index: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
      },
    },
    async (request, reply) => {
      await visibleDataset(request, request.params.id);
      return sendDatasetFile(
        reply,
        await readSyntheticDatasetFile(store, queue, {
          workspace: callerOf(request).workspace,
          id: request.params.id,
          format: request.query.format,
          index: request.query.file_index,
        }),
      );
    },
  );
};
