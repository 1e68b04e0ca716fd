import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createSyntheticDataset,
  deleteSyntheticDataset,
  exportDatasetToS3,
  listSyntheticDatasets,
  readSyntheticDataset,
  readSyntheticDatasetFile,
  readProject,
  regenerateSyntheticDataset,
} from '@allot/use-cases';
import {
  DatasetExportBody,
  DatasetExportSchema,
  SyntheticDatasetFileQuery,
  SyntheticDatasetSchema,
  NewSyntheticDatasetBody,
  PageOf,
  PageQuery,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { DATASET_MEDIA_TYPES, sendDatasetFile } from '../synth/send-dataset-file.js';
import { ProjectItemParams, ProjectParam } from './schemas.js';

/**
 * Synthetic datasets of a project: creating one checks it and queues its
 * generation (queued → running → completed or failed, with progress, as
 * any replica reads it); its files download per format and file index, and
 * its rows become a data block version pools allocate from. Creating needs
 * the tester role, deleting the admin role.
 */
export const syntheticDatasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['synthetic data'];
  const { store, queue } = contextOf(app);

  app.post(
    '/projects/:project/synthetic-datasets',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Create a dataset and queue its generation',
        description:
          'Answers 202 with the dataset `queued`; poll it until `completed` or `failed`. ' +
          'The same seed gives byte-identical files.',
        params: ProjectParam,
        body: NewSyntheticDatasetBody,
        response: withErrors({ 202: SyntheticDatasetSchema }),
      },
    },
    async (request, reply) => {
      const { constraintSet, entities, formats, params, ...rest } = request.body;
      const dataset = await createSyntheticDataset(
        store,
        queue,
        {
          ...rest,
          project: request.params.project,
          constraintSet: constraintSet ?? null,
          ...(entities === undefined
            ? {}
            : {
                entities: entities.map((e) => ({ ...e, constraintSet: e.constraintSet ?? null })),
              }),
          ...(formats === undefined ? {} : { formats }),
          ...(params === undefined ? {} : { params }),
        },
        actingOf(app, request),
      );
      return reply.status(202).send({ ...dataset, progress: null });
    },
  );

  app.get(
    '/projects/:project/synthetic-datasets',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the datasets of a project, by number, with their status',
        params: ProjectParam,
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(SyntheticDatasetSchema) }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      await readProject(store, workspace, { id: request.params.project });
      const { limit, offset } = request.query;
      const page = await listSyntheticDatasets(store, queue, {
        workspace,
        project: request.params.project,
        page: { limit: limit + 1, offset },
      });
      return pageOfProbe(request, page, request.query);
    },
  );

  app.get(
    '/projects/:project/synthetic-datasets/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a dataset: status, progress, files, block versions',
        params: ProjectItemParams,
        response: withErrors({ 200: SyntheticDatasetSchema }),
      },
    },
    async (request) =>
      readSyntheticDataset(store, queue, {
        workspace: callerOf(request).workspace,
        ...request.params,
      }),
  );

  app.get(
    '/projects/:project/synthetic-datasets/:id/data',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Download one generated file of a completed dataset',
        description:
          '`format` defaults to the first format of the dataset, `fileIndex` to 0 (files of a format are ' +
          'numbered by entity, in dependency order, then by part when `fileSplit` cut them). ' +
          '`x-allot-sha256` carries the SHA-256 of the file.',
        params: ProjectItemParams,
        querystring: SyntheticDatasetFileQuery,
        produces: DATASET_MEDIA_TYPES,
      },
    },
    async (request, reply) =>
      sendDatasetFile(
        reply,
        await readSyntheticDatasetFile(store, queue, {
          workspace: callerOf(request).workspace,
          ...request.params,
          format: request.query.format,
          index: request.query.fileIndex,
        }),
      ),
  );

  app.post(
    '/projects/:project/synthetic-datasets/:id/generate',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Queue the generation of a failed dataset again',
        description:
          'Only a dataset that failed, or whose queued job is gone, is queued again (with what it was ' +
          'created with); any other is answered as it is.',
        params: ProjectItemParams,
        response: withErrors({ 200: SyntheticDatasetSchema }),
      },
    },
    async (request) =>
      regenerateSyntheticDataset(store, queue, request.params, actingOf(app, request)),
  );

  app.post(
    '/projects/:project/synthetic-datasets/:id/export',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Upload a completed dataset's files to an S3 integration's bucket",
        description:
          'Checks the dataset has completed (400, field `status`), that the integration is an active ' +
          '`s3` one (400, field `integration`; 404 when unknown) and that its bucket answers (502 ' +
          '`INTEGRATION_FAILED`), then queues the upload and answers 202: nothing is written when ' +
          'any check fails. Each file goes to `<prefix>datasets/<id>/<format>/<file name>`, streamed ' +
          'from the store and uploaded in parts when large, then `manifest.json`; the event ' +
          '`dataset.exported` (or `dataset.export_failed`) notifies the caller.',
        params: ProjectItemParams,
        body: DatasetExportBody,
        response: withErrors({ 202: DatasetExportSchema }),
      },
    },
    async (request, reply) => {
      const exported = await exportDatasetToS3(
        store,
        queue,
        contextOf(app).objectStorage,
        {
          dataset: request.params.id,
          project: request.params.project,
          integration: request.body.integration,
        },
        actingOf(app, request),
      );
      return reply.status(202).send(exported);
    },
  );

  app.delete(
    '/projects/:project/synthetic-datasets/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a dataset and its files (its block versions stay)',
        params: ProjectItemParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteSyntheticDataset(store, queue, request.params, actingOf(app, request));
      return reply.status(204).send(null);
    },
  );
};
