import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-error.js';

/** An uploaded file's text, however it came: a text body, a JSON body or a multipart file. */
export interface Upload {
  text: string;
  /** The file name a multipart part gave, if any. */
  filename: string | undefined;
  /** The body was JSON (parsed by fastify, re-serialised here). */
  json: boolean;
}

/** Reads an upload; the multipart file may be in any field, and only one is read. */
export async function readUpload(request: FastifyRequest, accepted: string): Promise<Upload> {
  if (request.isMultipart()) return readMultipart(request);
  const body: unknown = request.body;
  if (typeof body === 'string') return { text: body, filename: undefined, json: false };
  if (body !== undefined && body !== null && typeof body === 'object') {
    return { text: JSON.stringify(body), filename: undefined, json: true };
  }
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
    // The parser throws plain errors for a truncated or garbled body: the client's fault, not ours.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (error instanceof HttpError || typeof status === 'number') throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new HttpError('VALIDATION_FAILED', `malformed multipart body: ${message}`, 'body');
  }
}
