import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tdoDownloadFormat, type ExportFormat, type X12834Options } from '@allot/core';
import {
  assemblyOutput,
  exportBlockVersion,
  readProject,
  recordBlockDownload,
} from '@allot/use-cases';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { HttpError } from '../../errors/http-error.js';
import { tdoCaller, type TdoCaller } from './tdo-credentials.js';

const Segment = Type.String({ minLength: 1, maxLength: 200 });
const BlockParams = Type.Object({
  apiVersion: Type.String({ minLength: 1, maxLength: 10 }),
  project: Segment,
  projectVersion: Segment,
  block: Segment,
  blockVersion: Segment,
});
const tags = ['TDO'];

/** What one download sends. */
interface DownloadAsk {
  project: string;
  projectVersion: string;
  block: string;
  blockVersion: string;
  format: ExportFormat;
  x12834?: X12834Options;
}

/**
 * TDO's downloads: the API version in the path chooses the format (1.0
 * HTML, 1.1 CSV, 1.2 comma-delimited with sequence numbers, 1.3 pipe,
 * 1.4 tab with sequence numbers, 1.6 SQLite) at
 * `project/{p}/{pv}/datablocks/{block}/{version}/`; 1.5 (EDI X12 834) adds
 * `{template}/{record}` with no trailing slash; 1.7 (Alight) names a
 * workset version and sends what its latest assembly wrote. Every download
 * records a content-retrieve event.
 */
export const tdoDownloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const path of [
    '/:apiVersion/API/project/:project/:projectVersion/datablocks/:block/:blockVersion/',
    '/:apiVersion/API/project/:project/:projectVersion/datablocks/:block/:blockVersion',
  ]) {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: 'TDO: download a data block version; the API version chooses the format',
          params: BlockParams,
        },
      },
      async (request, reply) => {
        const format = formatOf(request.params.apiVersion);
        if (format === 'x12-834' || format === 'alight')
          throw new HttpError(
            'VALIDATION_FAILED',
            `params.apiVersion: ${request.params.apiVersion} downloads at ${format === 'alight' ? 'project/{p}/{pv}/{workset}/{worksetVersion}' : '…/datablocks/{block}/{version}/{template}/{record}'}`,
            'params.apiVersion',
          );
        const caller = await tdoCaller(app, request, reply);
        return send(app, request, reply, caller, { ...request.params, format });
      },
    );
  }

  app.get(
    '/1.5/API/project/:project/:projectVersion/datablocks/:block/:blockVersion/:template/:record',
    {
      schema: {
        tags,
        summary:
          'TDO: a data block version as an EDI X12 834 file (template or, ca, co, ga, wa; record -1 for all)',
        params: Type.Object({
          project: Segment,
          projectVersion: Segment,
          block: Segment,
          blockVersion: Segment,
          template: Type.Union(['or', 'ca', 'co', 'ga', 'wa'].map((t) => Type.Literal(t))),
          record: Type.String({ pattern: '^(-1|\\d{1,9})$' }),
        }),
      },
    },
    async (request, reply) => {
      const { template, record, ...rest } = request.params;
      const caller = await tdoCaller(app, request, reply);
      return send(app, request, reply, caller, {
        ...rest,
        format: 'x12-834',
        x12834: {
          template: template as NonNullable<X12834Options['template']>,
          record: Number(record),
        },
      });
    },
  );

  app.get(
    '/1.7/API/project/:project/:projectVersion/:workset/:worksetVersion',
    {
      schema: {
        tags,
        summary: "TDO: the Alight file of a workset version's latest assembly",
        params: Type.Object({
          project: Segment,
          projectVersion: Segment,
          workset: Segment,
          worksetVersion: Segment,
        }),
      },
    },
    async (request, reply) => {
      const caller = await tdoCaller(app, request, reply);
      const { params } = request;
      const project = await readProject(contextOf(app).store, caller.workspace, {
        name: params.project,
        version: params.projectVersion,
      });
      const output = await assemblyOutput(contextOf(app).queue, caller.workspace, {
        projectId: project.id,
        name: params.workset,
        version: params.worksetVersion,
      });
      return send(app, request, reply, caller, {
        project: params.project,
        projectVersion: params.projectVersion,
        block: output.block,
        blockVersion: output.version,
        format: 'alight',
      });
    },
  );
};

function formatOf(apiVersion: string): ExportFormat {
  try {
    return tdoDownloadFormat(apiVersion);
  } catch (error) {
    throw new HttpError(
      'VALIDATION_FAILED',
      `params.apiVersion: ${error instanceof Error ? error.message.replace(/^version: /, '') : 'unknown'}`,
      'params.apiVersion',
    );
  }
}

async function send(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  caller: TdoCaller,
  ask: DownloadAsk,
): Promise<FastifyReply> {
  const { store, events, clock } = contextOf(app);
  const project = await readProject(store, caller.workspace, {
    name: ask.project,
    version: ask.projectVersion,
  });
  const download = await exportBlockVersion(store, caller.workspace, {
    block: ask.block,
    version: ask.blockVersion,
    format: ask.format,
    ...(ask.x12834 === undefined ? {} : { x12834: ask.x12834 }),
  });
  await recordBlockDownload(
    events,
    {
      workspace: caller.workspace,
      actor: caller.actor,
      user: caller.user,
      ip: request.ip,
      now: clock(),
    },
    { meta: download.meta, format: ask.format, project },
  );
  // HTML shows in the browser tab, as TDO's 1.0 does; every other format is a file to keep.
  const disposition = ask.format === 'html' ? 'inline' : 'attachment';
  return reply
    .header('content-type', download.contentType)
    .header('content-disposition', `${disposition}; filename="${download.fileName}"`)
    .send(Readable.from(download.chunks, { objectMode: false }));
}
