import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-error.js';
import { jsonTextOf } from '../plugins/json-parser.js';

/** An uploaded file's text, however it came: a text body, a JSON body or a multipart file. */
export interface Upload {
  text: string;
  /** The file name a multipart part gave, if any. */
  filename: string | undefined;
  /** The body was JSON; `text` is that body as it arrived. */
  json: boolean;
}

/** Reads an upload; the multipart file may be in any field, and only one is read. */
export async function readUpload(request: FastifyRequest, accepted: string): Promise<Upload> {
  if (request.isMultipart()) return readMultipart(request);
  const json = jsonTextOf(request);
  if (json !== undefined) return { text: json, filename: undefined, json: true };
  const body: unknown = request.body;
  if (typeof body === 'string') return { text: body, filename: undefined, json: false };
  throw new HttpError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send the file as ${accepted} or as multipart/form-data`,
  );
}

async function readMultipart(request: FastifyRequest): Promise<Upload> {
  try {
    const part = await request.file();
    if (part === undefined)
      throw new HttpError('VALIDATION_FAILED', 'the multipart body has no file', 'body');
    const buffer = await part.toBuffer();
    return { text: buffer.toString('utf8'), filename: part.filename || undefined, json: false };
  } catch (error) {
    // The parser throws plain errors for a truncated or garbled body: the client's fault, not
    // ours, and their text describes the parser, not the request.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (error instanceof HttpError || typeof status === 'number') throw error;
    throw new HttpError(
      'MALFORMED_BODY',
      'the multipart body is malformed: each part needs a boundary line, headers and a blank line',
      'body',
    );
  }
}
