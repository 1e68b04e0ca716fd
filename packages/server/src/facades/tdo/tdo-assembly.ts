import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readAssemblyProgress, readProject, requestAssembly } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { tdoCaller } from './tdo-credentials.js';

const Segment = Type.String({ minLength: 1, maxLength: 200 });
const tags = ['TDO'];

/**
 * TDO's data assembly routes, bodiless so a browser can call them (HTTP
 * Basic credentials): `dataAssemblyRequest/{project}/{projectVersion}/{workset}/{worksetVersion}`
 * queues the assembly and answers the workset's id first;
 * `dataAssemblyProgress/{worksetId}` answers percent, rows generated and
 * rows to generate of its latest assembly.
 */
export const tdoAssemblyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, queue, clock } = contextOf(app);

  app.get(
    '/dataAssemblyRequest/:project/:projectVersion/:workset/:worksetVersion',
    {
      schema: {
        tags,
        summary: 'TDO: assemble the data of a workset version (queued; locks the workset)',
        params: Type.Object({
          project: Segment,
          projectVersion: Segment,
          workset: Segment,
          worksetVersion: Segment,
        }),
      },
    },
    async (request, reply) => {
      const caller = await tdoCaller(app, request, reply, 'tester');
      const { params } = request;
      const project = await readProject(store, caller.workspace, {
        name: params.project,
        version: params.projectVersion,
      });
      const queued = await requestAssembly(store, queue, {
        project,
        workset: params.workset,
        version: params.worksetVersion,
        user: caller.user,
        actor: caller.actor,
        ip: request.ip,
        now: clock(),
      });
      return {
        id: queued.workset.id,
        assemblyId: queued.assemblyId,
        project: project.name,
        projectVersion: project.version,
        workset: queued.workset.name,
        worksetVersion: queued.workset.version,
        status: 'queued',
      };
    },
  );

  app.get(
    '/dataAssemblyProgress/:worksetId',
    {
      schema: {
        tags,
        summary: "TDO: the progress of a workset's latest assembly",
        params: Type.Object({ worksetId: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const caller = await tdoCaller(app, request, reply);
      const progress = await readAssemblyProgress(
        store,
        queue,
        caller.workspace,
        request.params.worksetId,
      );
      return {
        progress: progress.progress,
        rowsGenerated: progress.rowsGenerated,
        rowsToGenerate: progress.rowsToGenerate,
        state: progress.state,
        dataBlock: progress.block,
        dataBlockVersion: progress.version,
        rowsWithErrors: progress.rowsWithErrors,
        error: progress.error,
      };
    },
  );
};
