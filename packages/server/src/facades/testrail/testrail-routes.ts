import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  addDataset,
  addVariable,
  deleteDataset,
  deleteVariable,
  listDatasets,
  listVariables,
  readDataset,
  renameVariable,
  updateDataset,
  type DatasetCaller,
  type DatasetView,
} from '@allot/use-cases';
import type { VariableRecord } from '@allot/core';
import { contextOf } from '../../app-context.js';
import { VerifiedSecrets } from '../../auth/verified-secrets.js';
import { testRailCaller } from './testrail-auth.js';
import { readDatasetBody } from './testrail-dataset-body.js';
import { testRailErrorOf, TestRailError } from './testrail-error.js';
import { testRailPage } from './testrail-page.js';
import { idOf, pageOf, parseTestRailCall, type TestRailCall } from './testrail-request.js';

interface Method {
  http: 'GET' | 'POST';
  /** The path id's name in TestRail's messages. */
  idField: string;
  run: (call: TestRailCall, body: unknown, caller: DatasetCaller) => Promise<unknown>;
}

/** A dataset as TestRail shows it. */
function datasetOut(dataset: DatasetView) {
  return { id: dataset.id, name: dataset.name, variables: dataset.variables };
}

function variableOut(variable: VariableRecord) {
  return { id: variable.id, name: variable.name };
}

/**
 * TestRail's datasets and variables API at `index.php?/api/v2/<method>/<id>`,
 * the route read from the query string. Authentication is HTTP Basic
 * (email and password or API key); errors are TestRail's `{"error": …}`
 * with its statuses. The calls go to the same use cases as
 * `/api/v1/projects/{project}/datasets`.
 */
export const testRailRoutes: FastifyPluginAsync = async (app) => {
  const { store, events } = contextOf(app);
  const verified = new VerifiedSecrets();
  const methods: Record<string, Method> = {
    get_dataset: {
      http: 'GET',
      idField: 'dataset_id',
      run: async (call, _body, caller) =>
        datasetOut(await readDataset(store, idOf(call, 'dataset_id'), caller)),
    },
    get_datasets: {
      http: 'GET',
      idField: 'project_id',
      run: async (call, _body, caller) => {
        const project = idOf(call, 'project_id');
        const page = pageOf(call);
        const { datasets, total } = await listDatasets(store, project, page, caller);
        return {
          ...testRailPage(`/api/v2/get_datasets/${project}`, page, datasets.length, total),
          datasets: datasets.map(datasetOut),
        };
      },
    },
    add_dataset: {
      http: 'POST',
      idField: 'project_id',
      run: async (call, body, caller) => {
        const project = idOf(call, 'project_id');
        const { name, values } = readDatasetBody(body);
        if (name === undefined) throw new TestRailError(400, 'Field :name is a required field.');
        return datasetOut(await addDataset(store, events, { project, name, values }, caller));
      },
    },
    update_dataset: {
      http: 'POST',
      idField: 'dataset_id',
      run: async (call, body, caller) => {
        const id = idOf(call, 'dataset_id');
        const { name, values } = readDatasetBody(body);
        return datasetOut(await updateDataset(store, events, { id, name, values }, caller));
      },
    },
    delete_dataset: {
      http: 'POST',
      idField: 'dataset_id',
      run: async (call, _body, caller) => {
        await deleteDataset(store, events, idOf(call, 'dataset_id'), caller);
        return {};
      },
    },
    get_variables: {
      http: 'GET',
      idField: 'project_id',
      run: async (call, _body, caller) => {
        const project = idOf(call, 'project_id');
        const page = pageOf(call);
        const all = await listVariables(store, project, caller);
        const variables = all.slice(page.offset, page.offset + page.limit);
        return {
          ...testRailPage(`/api/v2/get_variables/${project}`, page, variables.length, all.length),
          variables: variables.map(variableOut),
        };
      },
    },
    add_variable: {
      http: 'POST',
      idField: 'project_id',
      run: async (call, body, caller) => {
        const project = idOf(call, 'project_id');
        const name = nameOf(body);
        return variableOut(await addVariable(store, events, { project, name }, caller));
      },
    },
    update_variable: {
      http: 'POST',
      idField: 'variable_id',
      run: async (call, body, caller) => {
        const id = idOf(call, 'variable_id');
        return variableOut(await renameVariable(store, events, { id, name: nameOf(body) }, caller));
      },
    },
    delete_variable: {
      http: 'POST',
      idField: 'variable_id',
      run: async (call, _body, caller) => {
        await deleteVariable(store, events, idOf(call, 'variable_id'), caller);
        return {};
      },
    },
  };

  // TestRail's clients post `{}` or nothing to delete calls: an empty JSON body is an empty object.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const source = typeof text === 'string' ? text : text.toString('utf8');
    if (source.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(source) as unknown);
    } catch {
      done(new TestRailError(400, 'The request body is not valid JSON.'), undefined);
    }
  });
  app.setErrorHandler((error, request, reply) => sendTestRailError(error, request, reply));

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    let idField: string | undefined;
    try {
      const call = parseTestRailCall(request.url);
      const method = methods[call.method];
      if (method === undefined) throw new TestRailError(400, `Unknown method '${call.method}'.`);
      idField = method.idField;
      if (method.http !== request.method)
        throw new TestRailError(400, `${call.method} requires ${method.http}.`);
      const caller = await testRailCaller(app, request, verified);
      return reply.send(await method.run(call, request.body, caller));
    } catch (error) {
      return sendTestRailError(error, request, reply, idField);
    }
  };
  // Kept out of the OpenAPI document: one dispatcher whose routes live in the query string,
  // answering TestRail's error body, which the document's error schema does not describe.
  // The facade's README lists every route.
  app.get('/index.php', { schema: { hide: true } }, handle);
  app.post('/index.php', { schema: { hide: true } }, handle);
};

function nameOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TestRailError(400, 'The request body must be a JSON object.');
  const { name } = body as { name?: unknown };
  if (name === undefined) throw new TestRailError(400, 'Field :name is a required field.');
  return name;
}

function sendTestRailError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  idField?: string,
): FastifyReply {
  const { status, body, expected } = testRailErrorOf(error, idField);
  if (!expected) request.log.error({ err: error, requestId: request.id }, 'unexpected error');
  return reply.status(status).send(body);
}
