import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { bindUpload, readProject, stageUpload } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { HttpError } from '../../errors/http-error.js';
import { tdoCaller } from './tdo-credentials.js';

const tags = ['TDO'];

/**
 * TDO's two-step upload. `POST upload` takes the CSV as the body (text or
 * a binary file) and answers its id; `PUT project/{name}/{version}/upload/{id}`
 * with `fileName`, `dataBlockName` and optionally the `version` refreshed
 * binds it to a data block: 1.0 for a new name, the next 1.n otherwise.
 */
export const tdoUploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock, uploadLimit } = contextOf(app);
  // Postman's "binary" body, and any file sent as bytes.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'string', bodyLimit: uploadLimit },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/upload',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: 'TDO: upload a CSV file (step 1 of 2)',
        description:
          'The header row names columns in lower case with underscores, and at least one data row follows. Quoted fields may hold commas (RFC 4180). An upload not bound within an hour expires.',
        consumes: ['text/csv', 'text/plain', 'application/octet-stream'],
        body: Type.String({ description: 'The CSV file' }),
      },
    },
    async (request, reply) => {
      const caller = await tdoCaller(app, request, reply, 'manager');
      const id = await stageUpload(store, caller.workspace, request.body, caller.actor, clock());
      return {
        status: 'OK',
        id,
        next: `PUT /core/1.0/API/project/<project-name>/<project-version>/upload/${id} with {"fileName": "…", "dataBlockName": "…"}`,
      };
    },
  );

  app.put(
    '/project/:project/:projectVersion/upload/:id',
    {
      schema: {
        tags,
        summary: 'TDO: bind an upload to a data block (step 2 of 2)',
        params: Type.Object({
          project: Type.String({ minLength: 1, maxLength: 200 }),
          projectVersion: Type.String({ minLength: 1, maxLength: 50 }),
          id: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        body: Type.Object({
          fileName: Type.String({ minLength: 1, maxLength: 500 }),
          dataBlockName: Type.String({ minLength: 1, maxLength: 200 }),
          version: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          context: Type.Optional(Type.Unknown()),
        }),
      },
    },
    async (request, reply) => {
      const caller = await tdoCaller(app, request, reply, 'manager');
      await readProject(store, caller.workspace, {
        name: request.params.project,
        version: request.params.projectVersion,
      });
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(request.body.dataBlockName))
        throw new HttpError(
          'VALIDATION_FAILED',
          'body.dataBlockName must be letters, digits, ".", "_" and "-", starting with a letter or digit',
          'body.dataBlockName',
        );
      const meta = await bindUpload(store, {
        workspace: caller.workspace,
        id: request.params.id,
        fileName: request.body.fileName,
        block: request.body.dataBlockName,
        ...(request.body.version === undefined ? {} : { version: request.body.version }),
        now: clock(),
      });
      return {
        status: 'OK',
        dataBlock: {
          name: meta.block,
          version: meta.version,
          columns: meta.columns,
          rows: meta.rowCount,
          fileName: request.body.fileName,
        },
      };
    },
  );
};
