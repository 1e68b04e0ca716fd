import { Readable } from 'node:stream';
import type { SynthFormat } from '@allot/core';
import type { SyntheticDatasetDownload } from '@allot/use-cases';
import type { FastifyReply } from 'fastify';

const MEDIA_TYPES: Record<SynthFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  sql: 'application/sql; charset=utf-8',
};

/** The media types a dataset download may have, for the OpenAPI document. */
export const DATASET_MEDIA_TYPES = Object.values(MEDIA_TYPES).map((t) => t.split(';')[0]!);

/**
 * Streams a generated file piece by piece from the store, as an attachment
 * named after its entity, with its length and SHA-256 known up front.
 */
export function sendDatasetFile(
  reply: FastifyReply,
  download: SyntheticDatasetDownload,
): FastifyReply {
  const { file } = download;
  return reply
    .header('content-type', MEDIA_TYPES[file.format])
    .header('content-length', String(file.bytes))
    .header(
      'content-disposition',
      `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    )
    .header('x-allot-sha256', file.sha256)
    .send(Readable.from(download.chunks, { objectMode: false }));
}
