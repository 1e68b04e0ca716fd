import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-error.js';

/**
 * A route with a body schema and no `consumes` list takes JSON only: any
 * other body is a 415 before it is read, not a schema message about a text
 * that was parsed as something else.
 */
export function installJsonOnlyRoutes(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    // `consumes` is the OpenAPI list the upload routes declare; fastify's types do not know it.
    const schema = request.routeOptions.schema as
      { body?: unknown; consumes?: unknown } | undefined;
    if (schema?.body === undefined || schema.consumes !== undefined) return payload;
    const type = mediaTypeOf(request);
    if (type !== undefined && type !== 'application/json') {
      throw new HttpError(
        'UNSUPPORTED_MEDIA_TYPE',
        'this route takes a JSON body: send it as application/json',
      );
    }
    return payload;
  });
}

/** The media type of a request's body, lower case without parameters; none when it has no body. */
function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (header === undefined) return hasBody ? '' : undefined;
  return header.split(';')[0]?.trim().toLowerCase();
}
