import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readBlockRows } from '@allot/use-cases';
import { Type } from 'typebox';
import { HttpError } from '../errors/http-error.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { BlockRowsSchema, Name, PageQuery, withErrors } from '@allot/protocol';

const ODATA_OPTIONS = ['$filter', '$orderby', '$top', '$skip', '$select', '$count'];
const Version = Type.String({ pattern: '^[0-9]+\\.[0-9]+$', maxLength: 40 });

/** Browsing a block version's rows a page at a time. */
export const blockRowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/blocks/:block/versions/:version/rows',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['data blocks'],
        summary: "A page of a block version's rows, in row order",
        params: Type.Object({ block: Name, version: Version }),
        querystring: PageQuery,
        response: withErrors({ 200: BlockRowsSchema }),
      },
    },
    async (request) => {
      // The schema drops unknown parameters; an OData option silently ignored would show the
      // wrong rows (every other list of /api/v1 honours them): OData is /blocks/{block}/rows.
      const asked = new URL(request.url, 'http://allot.invalid').searchParams;
      const option = ODATA_OPTIONS.find((name) => asked.has(name));
      if (option !== undefined)
        throw new HttpError(
          'INVALID_INPUT',
          `${option} is not supported here: this route pages with limit and offset; query a version's rows with OData at /blocks/${request.params.block}/rows?version=${request.params.version}`,
          `querystring.${option}`,
        );
      return readBlockRows(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params,
        request.query,
      );
    },
  );
};
