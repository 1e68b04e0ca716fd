import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { EXPORT_FORMATS, TABLE_FORMATS, writeTable } from '@allot/core';
import {
  exportBlockVersion,
  importBlockVersion,
  queryBlockRows,
  listBlockVersions,
  listBlocks,
  readBlock,
  readBlockVersion,
  recordBlockDownload,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { actingOf, audit } from '../audit.js';
import { extensionOf, mediaTypeOf } from '../formats/table-media-type.js';
import { pageOfList } from '../pagination.js';
import { odataPaged } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import { checkNestingDepth } from '../uploads/check-nesting-depth.js';
import { installMultipart } from '../uploads/install-multipart.js';
import { readUpload } from '../uploads/read-upload.js';
import { contextOf } from '../app-context.js';
import {
  BlockDownloadQuery,
  BlockRowsPageSchema,
  ODataQuery,
  BlockMetaSchema,
  BlockUploadSchema,
  Name,
  PageOf,
  PageQuery,
  withErrors,
} from '@allot/protocol';

const BlockParams = Type.Object({ block: Name });
const Version = Type.String({ pattern: '^[0-9]+\\.[0-9]+$', maxLength: 40 });

/** Data blocks: upload versions (CSV or JSON), list them, read their metadata, download their rows. */
export const blockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['data blocks'];
  await installMultipart(app);

  app.get(
    '/blocks',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List data blocks (latest versions)',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(BlockMetaSchema) }),
      },
    },
    async (request) =>
      pageOfList(
        request,
        await listBlocks(contextOf(app).store, callerOf(request).workspace),
        request.query,
      ),
  );

  app.post(
    '/blocks/:block',
    {
      config: { role: 'manager' },
      bodyLimit: contextOf(app).uploadLimit,
      schema: {
        tags,
        summary: 'Upload a new version of a data block',
        description:
          'Send CSV as text/csv, rows as a JSON array, or a .csv/.json file as multipart/form-data. ' +
          'An upload identical to the last import is not stored again (`imported: false`).',
        consumes: ['text/csv', 'application/json', 'multipart/form-data'],
        params: BlockParams,
        querystring: Type.Object({
          keyColumn: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 500,
              description: 'A column whose values must be present and unique',
            }),
          ),
        }),
        response: withErrors({
          200: BlockUploadSchema,
          201: BlockUploadSchema,
        }),
      },
    },
    async (request, reply) => {
      const { workspace } = callerOf(request);
      const upload = await readUpload(request, 'text/csv');
      const block = request.params.block;
      const source = upload.filename ?? `${block}.${upload.json ? 'json' : 'csv'}`;
      const format = upload.json || /\.json$/i.test(source) ? 'json' : 'csv';
      // A JSON body was checked by the JSON parser already; a JSON file in a form was not.
      if (format === 'json' && !upload.json) checkNestingDepth(upload.text, 'json');
      const options = {
        workspace,
        block,
        text: upload.text,
        source,
        format,
        skipUnchanged: true,
      } as const;
      const keyColumn = request.query.keyColumn;
      const result = await importBlockVersion(
        contextOf(app).store,
        keyColumn === undefined ? options : { ...options, keyColumn },
      );
      if (result.imported) {
        await audit(app, request, 'block.upload', `block:${block}@${result.meta.version}`, {
          rows: result.meta.rowCount,
          source,
        });
      }
      return reply
        .status(result.imported ? 201 : 200)
        .send({ imported: result.imported, version: result.meta });
    },
  );

  app.get(
    '/blocks/:block',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "A data block's latest version",
        params: BlockParams,
        response: withErrors({ 200: BlockMetaSchema }),
      },
    },
    async (request) =>
      readBlockVersion(contextOf(app).store, callerOf(request).workspace, request.params.block),
  );

  app.get(
    '/blocks/:block/rows',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "Query a data block version's rows with OData",
        description:
          'The rows of a version (the latest unless `version` is given) that `$filter` selects, ordered by `$orderby` (empty cells last, numbers before text), paged by `$skip` and `$top` (50 by default, 1000 at most), with the `$select`ed columns; `total` counts every row the filter selects. On PostgreSQL the query runs as SQL where the rows are. A field the block lacks, a bad literal or an unsupported function is a 400 naming it.',
        params: BlockParams,
        querystring: Type.Object({ version: Type.Optional(Version), ...ODataQuery.properties }),
        response: withErrors({ 200: BlockRowsPageSchema }),
      },
    },
    async (request) => {
      const { version, ...params } = request.query;
      const page = await queryBlockRows(contextOf(app).store, callerOf(request).workspace, {
        block: request.params.block,
        ...(version === undefined ? {} : { version }),
        params,
      });
      const paged = odataPaged(request, page.rows, page.query, page.count);
      return {
        block: page.block,
        version: page.version,
        columns: page.columns,
        items: paged.items,
        limit: paged.limit,
        offset: paged.offset,
        total: page.count,
        links: paged.links,
      };
    },
  );

  app.get(
    '/blocks/:block/versions',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List the versions of a data block, oldest first',
        params: BlockParams,
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(BlockMetaSchema) }),
      },
    },
    async (request) => {
      const versions = await listBlockVersions(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params.block,
      );
      return pageOfList(request, versions, request.query);
    },
  );

  app.get(
    '/blocks/:block/versions/:version',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'One version of a data block',
        params: Type.Object({ block: Name, version: Version }),
        response: withErrors({ 200: BlockMetaSchema }),
      },
    },
    async (request) =>
      readBlockVersion(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params.block,
        request.params.version,
      ),
  );

  app.get(
    '/blocks/:block/download',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Download the rows of a data block version',
        description:
          'In csv, tsv and pipe, a cell a spreadsheet would run as a formula (its first character after any spaces is =, +, - or @, or it starts with a tab or CR) gets a leading quote; plain numbers such as -12.50 stay as they are. JSON has the values as stored.',
        params: BlockParams,
        querystring: Type.Object({
          format: Type.Enum([...TABLE_FORMATS], { default: 'csv' }),
          version: Type.Optional(Version),
        }),
        produces: ['text/csv', 'application/json', 'text/tab-separated-values', 'text/plain'],
      },
    },
    async (request, reply) => {
      const { block } = request.params;
      const { format, version } = request.query;
      const found = await readBlock(
        contextOf(app).store,
        callerOf(request).workspace,
        block,
        version,
      );
      const file = `${block.replace(/[^A-Za-z0-9._-]/g, '_')}-${found.version}.${extensionOf(format)}`;
      await recordBlockDownload(contextOf(app).events, actingOf(app, request), {
        meta: found,
        format,
      });
      return reply
        .header('content-type', mediaTypeOf(format))
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(writeTable(format, found.columns, found.rows));
    },
  );

  app.get(
    '/blocks/:block/versions/:version/download',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Download a data block version in any export format',
        description: DOWNLOAD_DESCRIPTION,
        params: Type.Object({ block: Name, version: Version }),
        querystring: BlockDownloadQuery,
        produces: [...new Set(Object.values(EXPORT_FORMATS).map((f) => f.contentType))],
      },
    },
    async (request, reply) => {
      const { format, template, record } = request.query;
      const x12834 =
        format === 'x12-834'
          ? {
              ...(template === undefined ? {} : { template }),
              ...(record === undefined ? {} : { record }),
            }
          : undefined;
      const download = await exportBlockVersion(contextOf(app).store, callerOf(request).workspace, {
        block: request.params.block,
        version: request.params.version,
        format,
        ...(x12834 === undefined ? {} : { x12834 }),
      });
      await recordBlockDownload(contextOf(app).events, actingOf(app, request), {
        meta: download.meta,
        format,
      });
      return reply
        .header('content-type', download.contentType)
        .header('content-disposition', `attachment; filename="${download.fileName}"`)
        .send(Readable.from(download.chunks, { objectMode: false }));
    },
  );
};

const DOWNLOAD_DESCRIPTION = [
  'Streams the rows of one version in the format named by `format`. The formats:',
  '',
  ...Object.entries(EXPORT_FORMATS).map(
    ([name, info]) =>
      `- \`${name}\` (${info.contentType}, .${info.extension}): ${info.description}`,
  ),
  '',
  'Every text cell but in JSON is formula-safe: a cell a spreadsheet would run (its first character after any spaces is =, +, - or @, or it starts with a tab or CR) gets a leading quote; plain numbers such as -12.50 stay as they are. An unknown format is a 400 naming `format`.',
].join('\n');
