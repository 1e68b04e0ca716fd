import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  addDataset,
  addVariable,
  datasetsFromJob,
  deleteDataset,
  deleteVariable,
  exportDatasets,
  listDatasets,
  listVariables,
  readDataset,
  renameVariable,
  updateDataset,
  type DatasetCaller,
} from '@allot/use-cases';
import {
  DatasetChangesBody,
  DatasetSchema,
  DatasetsFromJobBody,
  DatasetsFromJobSchema,
  ListQuery,
  NewDatasetBody,
  PageOf,
  VariableBody,
  VariableSchema,
  withErrors,
} from '@allot/protocol';
import { PARAMETER_TABLE_FORMATS } from '@allot/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actingOf } from '../audit.js';
import { contextOf } from '../app-context.js';
import { notFound } from '../errors/http-error.js';
import { ODATA_WINDOW, odataPage, scalarFields, usesOData } from '../odata-list.js';
import { paged, pageOfList } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const ProjectParams = Type.Object({ project: Id });
const DatasetParams = Type.Object({ project: Id, id: Id });

function datasetCaller(app: FastifyInstance, request: FastifyRequest): DatasetCaller {
  return { ...actingOf(app, request), role: callerOf(request).role };
}

/**
 * Datasets of variables (TestRail's shape) under `/projects/{project}`:
 * datasets, variables, datasets from a job's results, and exports as
 * parameter tables. The same use cases as the TestRail facade. Reading
 * needs the viewer role, changing the tester role, and the project's
 * access (members only, once it has members).
 */
export const datasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['datasets'];
  const { store, events } = contextOf(app);

  /** The dataset, 404 unless it belongs to the project of the path. */
  const datasetIn = async (request: FastifyRequest, project: number, id: number) => {
    const dataset = await readDataset(store, id, datasetCaller(app, request));
    if (dataset.project !== project) throw notFound(`project ${project} has no dataset ${id}`);
    return dataset;
  };
  const variableIn = async (request: FastifyRequest, project: number, id: number) => {
    const variables = await listVariables(store, project, datasetCaller(app, request));
    if (!variables.some((v) => v.id === id))
      throw notFound(`project ${project} has no variable ${id}`);
  };

  app.get(
    '/projects/:project/datasets',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "List a project's datasets by id, its Default first (OData options)",
        params: ProjectParams,
        querystring: ListQuery,
        response: withErrors({ 200: PageOf(Type.Partial(DatasetSchema)) }),
      },
    },
    async (request) => {
      const caller = datasetCaller(app, request);
      const { project } = request.params;
      if (usesOData(request.query)) {
        const { datasets } = await listDatasets(
          store,
          project,
          { limit: ODATA_WINDOW, offset: 0 },
          caller,
        );
        return odataPage(request, datasets, scalarFields(DatasetSchema.properties));
      }
      const { limit, offset } = request.query;
      const { datasets, total } = await listDatasets(store, project, { limit, offset }, caller);
      return paged(request, datasets, request.query, offset + limit < total, total);
    },
  );

  app.post(
    '/projects/:project/datasets',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Add a dataset (values by variable name; the others are "")',
        params: ProjectParams,
        body: NewDatasetBody,
        response: withErrors({ 201: DatasetSchema }),
      },
    },
    async (request, reply) => {
      const { name, values = {} } = request.body;
      const dataset = await addDataset(
        store,
        events,
        { project: request.params.project, name, values: { byName: values } },
        datasetCaller(app, request),
      );
      return reply.status(201).send(dataset);
    },
  );

  app.post(
    '/projects/:project/datasets/from-job',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Turn a job's results into datasets: one per test, named <suite> / <test>",
        params: ProjectParams,
        body: DatasetsFromJobBody,
        response: withErrors({ 200: DatasetsFromJobSchema }),
      },
    },
    async (request) =>
      datasetsFromJob(
        store,
        events,
        { project: request.params.project, job: request.body.job },
        datasetCaller(app, request),
      ),
  );

  app.get(
    '/projects/:project/datasets/export',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "A project's datasets as a parameter table for Playwright, Jest or pytest",
        params: ProjectParams,
        querystring: Type.Object({ format: Type.Enum([...PARAMETER_TABLE_FORMATS]) }),
        produces: ['text/plain', 'text/x-python'],
      },
    },
    async (request, reply) => {
      const file = await exportDatasets(
        store,
        { project: request.params.project, format: request.query.format },
        datasetCaller(app, request),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.text);
    },
  );

  app.get(
    '/projects/:project/datasets/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read a dataset',
        params: DatasetParams,
        response: withErrors({ 200: DatasetSchema }),
      },
    },
    async (request) => datasetIn(request, request.params.project, request.params.id),
  );

  app.patch(
    '/projects/:project/datasets/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Rename a dataset and set some of its values',
        params: DatasetParams,
        body: DatasetChangesBody,
        response: withErrors({ 200: DatasetSchema }),
      },
    },
    async (request) => {
      const { project, id } = request.params;
      await datasetIn(request, project, id);
      const { name, values = {} } = request.body;
      return updateDataset(
        store,
        events,
        { id, ...(name === undefined ? {} : { name }), values: { byName: values } },
        datasetCaller(app, request),
      );
    },
  );

  app.delete(
    '/projects/:project/datasets/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Delete a dataset and its values (not the Default dataset)',
        params: DatasetParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { project, id } = request.params;
      await datasetIn(request, project, id);
      await deleteDataset(store, events, id, datasetCaller(app, request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/projects/:project/variables',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "List a project's variables by id (OData options)",
        params: ProjectParams,
        querystring: ListQuery,
        response: withErrors({ 200: PageOf(Type.Partial(VariableSchema)) }),
      },
    },
    async (request) => {
      const variables = await listVariables(
        store,
        request.params.project,
        datasetCaller(app, request),
      );
      const view = variables.map(({ id, project, name }) => ({ id, project, name }));
      if (usesOData(request.query))
        return odataPage(request, view, scalarFields(VariableSchema.properties));
      return pageOfList(request, view, request.query);
    },
  );

  app.post(
    '/projects/:project/variables',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Add a variable: every dataset of the project reads "" for it',
        params: ProjectParams,
        body: VariableBody,
        response: withErrors({ 201: VariableSchema }),
      },
    },
    async (request, reply) => {
      const { id, project, name } = await addVariable(
        store,
        events,
        { project: request.params.project, name: request.body.name },
        datasetCaller(app, request),
      );
      return reply.status(201).send({ id, project, name });
    },
  );

  app.patch(
    '/projects/:project/variables/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Rename a variable',
        params: DatasetParams,
        body: VariableBody,
        response: withErrors({ 200: VariableSchema }),
      },
    },
    async (request) => {
      const { project, id } = request.params;
      await variableIn(request, project, id);
      const renamed = await renameVariable(
        store,
        events,
        { id, name: request.body.name },
        datasetCaller(app, request),
      );
      return { id: renamed.id, project: renamed.project, name: renamed.name };
    },
  );

  app.delete(
    '/projects/:project/variables/:id',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Delete a variable and its value in every dataset',
        params: DatasetParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { project, id } = request.params;
      await variableIn(request, project, id);
      await deleteVariable(store, events, id, datasetCaller(app, request));
      return reply.status(204).send(null);
    },
  );
};
