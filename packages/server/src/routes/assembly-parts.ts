import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DATA_VIEW_KIND, SCENARIO_KIND } from '@allot/core';
import {
  ASSEMBLY_DELETE_ROLE,
  deleteAssemblyPart,
  latestRecords,
  putAssemblyPart,
  recordByName,
} from '@allot/use-cases';
import {
  AssemblyPartParamsSchema,
  AssemblyRecordSchema,
  DataViewBodySchema,
  ScenarioBodySchema,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';
import { assemblyRecordView, projectOfRequest, withBodyFields } from './assembly-route-helpers.js';

const PartParams = AssemblyPartParamsSchema;

/**
 * Data views and scenarios of a project: named, versioned records a
 * workset binds together. Putting a name stores its next version (same
 * id); reading takes the latest or `?version=`; deleting removes every
 * version (admin), refused with 409 while a workset version names it.
 */
export const assemblyPartRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock } = contextOf(app);
  const parts = [
    { kind: DATA_VIEW_KIND, path: 'data-views', label: 'data view', body: DataViewBodySchema },
    { kind: SCENARIO_KIND, path: 'scenarios', label: 'scenario', body: ScenarioBodySchema },
  ] as const;
  for (const part of parts) {
    const tags = ['data assembly'];
    app.put(
      `/projects/:id/${part.path}/:name`,
      {
        config: { role: 'manager' },
        schema: {
          tags,
          summary: `Store the next version of a ${part.label} (1.0 for a new name)`,
          params: PartParams,
          body: part.body,
          response: withErrors({ 201: AssemblyRecordSchema }),
        },
      },
      async (request, reply) => {
        const project = await projectOfRequest(app, request, request.params.id);
        const record = await withBodyFields(() =>
          putAssemblyPart(store, project, {
            kind: part.kind,
            name: request.params.name,
            body: request.body,
            actor: callerOf(request).user,
            now: clock(),
          }),
        );
        return reply.status(201).send(assemblyRecordView(record));
      },
    );

    app.get(
      `/projects/:id/${part.path}`,
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: `List the ${part.label}s of a project (latest versions)`,
          params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) }),
          response: withErrors({ 200: Type.Array(AssemblyRecordSchema) }),
        },
      },
      async (request) => {
        const project = await projectOfRequest(app, request, request.params.id);
        return (await latestRecords(store, project, part.kind)).map(assemblyRecordView);
      },
    );

    app.get(
      `/projects/:id/${part.path}/:name`,
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: `Read a ${part.label}: the latest version, or \`?version=\``,
          params: PartParams,
          querystring: Type.Object({
            version: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          }),
          response: withErrors({ 200: AssemblyRecordSchema }),
        },
      },
      async (request) => {
        const project = await projectOfRequest(app, request, request.params.id);
        return assemblyRecordView(
          await recordByName(store, project, part.kind, request.params.name, request.query.version),
        );
      },
    );

    app.delete(
      `/projects/:id/${part.path}/:name`,
      {
        config: { role: ASSEMBLY_DELETE_ROLE },
        schema: {
          tags,
          summary: `Delete every version of a ${part.label} (admin); 409 while a workset uses it`,
          params: PartParams,
          response: withErrors({ 204: Type.Null() }),
        },
      },
      async (request, reply) => {
        const project = await projectOfRequest(app, request, request.params.id);
        const caller = callerOf(request);
        await deleteAssemblyPart(store, project, {
          kind: part.kind,
          name: request.params.name,
          caller: { user: caller.user, role: caller.role },
          now: clock(),
        });
        return reply.status(204).send(null);
      },
    );
  }
};
