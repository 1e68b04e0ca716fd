import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import { HttpError } from '../errors/http-error.js';
import { hooksOf } from './route-hooks.js';

/**
 * A route with a body schema and no `consumes` list takes JSON only: any
 * other body is a 415 before it is read, not a schema message about a text
 * that was parsed as something else. The check joins only the routes that
 * take such a body, when they are declared: a GET pays nothing for it.
 */
export function installJsonOnlyRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    // `consumes` is the OpenAPI list the upload routes declare; fastify's types do not know it.
    const schema = route.schema as { body?: unknown; consumes?: unknown } | undefined;
    if (schema?.body === undefined || schema.consumes !== undefined) return;
    route.preParsing = [jsonBodyOnly, ...hooksOf(route.preParsing)];
  });
}

const jsonBodyOnly: preParsingHookHandler = (request, _reply, payload, done) => {
  const type = mediaTypeOf(request);
  if (type !== undefined && type !== 'application/json') {
    done(
      new HttpError(
        'UNSUPPORTED_MEDIA_TYPE',
        'this route takes a JSON body: send it as application/json',
      ),
    );
    return;
  }
  done(null, payload);
};

/** The media type of a request's body, lower case without parameters; none when it has no body. */
function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (header === undefined) return hasBody ? '' : undefined;
  return header.split(';')[0]?.trim().toLowerCase();
}
